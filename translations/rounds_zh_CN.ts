<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>rounds::ApiClient</name>
    <message>
        <source>The server cannot be reached: %1</source>
        <translation>无法连接服务器：%1</translation>
    </message>
    <message>
        <source>The connection broke while the answer arrived: %1</source>
        <translation>接收服务器响应时连接中断：%1</translation>
    </message>
    <message>
        <source>Your sign-in has expired or was revoked. Sign in again; nothing on this computer is lost.</source>
        <translation>登录已过期或已被撤销。请重新登录，本机数据不会丢失。</translation>
    </message>
    <message>
        <source>The server needs a newer version of Rounds. Please update Rounds; your unsynced changes are kept and will be sent after the update.</source>
        <translation>服务器需要更新版本的 Rounds。请升级 Rounds；未同步的修改会保留，升级后自动上传。</translation>
    </message>
    <message numerus="yes">
        <source>Too many attempts; try again in %n second(s).</source>
        <translation>
            <numerusform>尝试次数过多，请在 %n 秒后重试。</numerusform>
        </translation>
    </message>
    <message>
        <source>The server had a problem (HTTP %1).</source>
        <translation>服务器出现问题（HTTP %1）。</translation>
    </message>
    <message>
        <source>The server refused the request (HTTP %1).</source>
        <translation>服务器拒绝了请求（HTTP %1）。</translation>
    </message>
    <message>
        <source>No certificate could be read from %1.</source>
        <translation>无法从 %1 读取证书。</translation>
    </message>
    <message>
        <source>The server&apos;s answer was cut off or is not Rounds data.</source>
        <translation>服务器响应不完整，或不是 Rounds 数据。</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not trusted (%1). If your company uses its own certificate authority, add its certificate file in Settings.</source>
        <translation>服务器证书不受信任（%1）。如果公司使用自己的证书颁发机构，请在“设置”中添加其证书文件。</translation>
    </message>
</context>
<context>
    <name>rounds::ConflictListModel</name>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>我的修改</translation>
    </message>
    <message>
        <source>Theirs</source>
        <translation>服务器上的值</translation>
    </message>
</context>
<context>
    <name>rounds::CredentialStore</name>
    <message>
        <source>No system keychain is reachable (%1). You stay signed in until Rounds closes; next time you will be asked for your password again.</source>
        <translation>无法访问系统密钥环（%1）。关闭 Rounds 前保持登录，下次启动需重新输入密码。</translation>
    </message>
    <message>
        <source>it did not answer</source>
        <translation>无响应</translation>
    </message>
    <message>
        <source>The system keychain did not answer.</source>
        <translation>系统密钥环无响应。</translation>
    </message>
</context>
<context>
    <name>rounds::HcpListModel</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Specialty</source>
        <translation>科室专业</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>医院</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Last visit</source>
        <translation>最近拜访</translation>
    </message>
</context>
<context>
    <name>rounds::MainWindow</name>
    <message>
        <source>Rounds</source>
        <translation>Rounds</translation>
    </message>
    <message>
        <source>Rounds — visits, plans and meetings for the field force</source>
        <translation>Rounds — 医药代表的拜访、计划与会议</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>No server configured.</source>
        <translation>尚未配置服务器。</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>服务器：%1</translation>
    </message>
    <message>
        <source>Connected to server %1</source>
        <translation>已连接服务器 %1</translation>
    </message>
    <message>
        <source>Server not reachable: working offline</source>
        <translation>无法连接服务器：离线工作中</translation>
    </message>
</context>
<context>
    <name>rounds::MeetingListModel</name>
    <message>
        <source>Starts at</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>形式</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>预算</translation>
    </message>
    <message>
        <source>Attendees</source>
        <translation>参会人数</translation>
    </message>
</context>
<context>
    <name>rounds::PlanListModel</name>
    <message>
        <source>Planned at</source>
        <translation>计划时间</translation>
    </message>
    <message>
        <source>HCP</source>
        <translation>医生</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>拜访方式</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>拜访目的</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>rounds::Store</name>
    <message>
        <source>Cannot create the folder %1 for the local database.</source>
        <translation>无法为本地数据库创建文件夹 %1。</translation>
    </message>
    <message>
        <source>Cannot open the local database %1: %2</source>
        <translation>无法打开本地数据库 %1：%2</translation>
    </message>
    <message>
        <source>The local database</source>
        <translation>本地数据库</translation>
    </message>
    <message>
        <source>The local database %1 is damaged (%2) and could not be moved aside. Close other programs using it and try again.</source>
        <translation>本地数据库 %1 已损坏（%2），且无法移走。请关闭正在使用它的其他程序后重试。</translation>
    </message>
    <message>
        <source>The local database was damaged (%1). It was moved to %2 and a new one was started; the next sync downloads your data again. %3 change(s) not yet sent were recovered.</source>
        <translation>本地数据库已损坏（%1），已移至 %2 并新建数据库；下次同步会重新下载数据。已找回 %3 条尚未上传的修改。</translation>
    </message>
    <message>
        <source>The local database is not open.</source>
        <translation>本地数据库未打开。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; cannot be created here.</source>
        <translation>此处不能新建“%1”。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a lower-case UUID.</source>
        <translation>“%1”不是小写 UUID。</translation>
    </message>
    <message>
        <source>A %1 with id %2 already exists.</source>
        <translation>ID 为 %2 的 %1 已存在。</translation>
    </message>
    <message>
        <source>Could not save: %1</source>
        <translation>保存失败：%1</translation>
    </message>
    <message>
        <source>&apos;%1&apos; cannot be edited here.</source>
        <translation>此处不能编辑“%1”。</translation>
    </message>
    <message>
        <source>The %1 %2 does not exist (any more).</source>
        <translation>%1 %2 不存在（或已被删除）。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; cannot be deleted here.</source>
        <translation>此处不能删除“%1”。</translation>
    </message>
    <message>
        <source>Could not delete: %1</source>
        <translation>删除失败：%1</translation>
    </message>
    <message>
        <source>No change %1 is waiting to be sent.</source>
        <translation>没有待上传的修改 %1。</translation>
    </message>
    <message>
        <source>Could not store the downloaded changes: %1</source>
        <translation>无法保存下载的数据：%1</translation>
    </message>
</context>
<context>
    <name>rounds::SyncSession</name>
    <message>
        <source>Sync was cancelled.</source>
        <translation>同步已取消。</translation>
    </message>
    <message>
        <source>The server answered %1 results for %2 changes.</source>
        <translation>服务器对 %2 条修改返回了 %1 个结果。</translation>
    </message>
    <message>
        <source>The server answered for a different change.</source>
        <translation>服务器返回的结果与所发修改不对应。</translation>
    </message>
    <message>
        <source>The server answered an unknown status &apos;%1&apos;.</source>
        <translation>服务器返回了未知状态“%1”。</translation>
    </message>
    <message>
        <source>The local database could not record the server&apos;s answer: %1</source>
        <translation>本地数据库无法记录服务器的响应：%1</translation>
    </message>
    <message>
        <source>The server&apos;s answer has no epoch.</source>
        <translation>服务器响应缺少数据版本标识（epoch）。</translation>
    </message>
    <message>
        <source>The server sent a malformed change: %1</source>
        <translation>服务器发送的数据格式有误：%1</translation>
    </message>
    <message>
        <source>The local database could not store the pulled data: %1</source>
        <translation>本地数据库无法保存下载的数据：%1</translation>
    </message>
</context>
<context>
    <name>rounds::VisitListModel</name>
    <message>
        <source>Visited at</source>
        <translation>拜访时间</translation>
    </message>
    <message>
        <source>HCP</source>
        <translation>医生</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>拜访方式</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>时长（分钟）</translation>
    </message>
</context>
</TS>
