<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Labels</name>
    <message>
        <source>Face to face</source>
        <translation>面对面拜访</translation>
    </message>
    <message>
        <source>Remote (video)</source>
        <translation>远程（视频）</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Material sent</source>
        <translation>发送资料</translation>
    </message>
    <message>
        <source>Positive</source>
        <translation>积极</translation>
    </message>
    <message>
        <source>Neutral</source>
        <translation>中立</translation>
    </message>
    <message>
        <source>Negative</source>
        <translation>消极</translation>
    </message>
    <message>
        <source>1 – Opposes</source>
        <translation>1 – 反对</translation>
    </message>
    <message>
        <source>2 – Sceptical</source>
        <translation>2 – 怀疑</translation>
    </message>
    <message>
        <source>3 – Neutral</source>
        <translation>3 – 中立</translation>
    </message>
    <message>
        <source>4 – Supportive</source>
        <translation>4 – 支持</translation>
    </message>
    <message>
        <source>5 – Advocate</source>
        <translation>5 – 积极推荐</translation>
    </message>
    <message>
        <source>Not assessed</source>
        <translation>未评估</translation>
    </message>
    <message>
        <source>Medical rep</source>
        <translation>医药代表</translation>
    </message>
    <message>
        <source>District manager</source>
        <translation>地区经理</translation>
    </message>
    <message>
        <source>Sales force effectiveness</source>
        <translation>销售效能（SFE）</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>系统管理员</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Awaiting approval</source>
        <translation>待审批</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>已举办</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已结案</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>已提交</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Interested in the new data; asks about side effects in elderly patients.</source>
        <translation>对新数据很感兴趣；询问老年患者的不良反应。</translation>
    </message>
    <message>
        <source>Bring the subgroup analysis for patients over 65</source>
        <translation>带上 65 岁以上患者的亚组分析</translation>
    </message>
</context>
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
    <message>
        <source>This local database belongs to %1 on %2.</source>
        <translation>此本地数据库属于 %2 上的用户 %1。</translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <source>The server&apos;s answer to the sign-in is not Rounds data.</source>
        <translation>服务器的登录响应不是 Rounds 数据。</translation>
    </message>
    <message>
        <source>Not signed in.</source>
        <translation>未登录。</translation>
    </message>
    <message>
        <source>Signed out: sign in again to sync. Your local data is kept.</source>
        <translation>已退出登录：重新登录后才能同步。本机数据会保留。</translation>
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
    <name>rounds::ConflictsView</name>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>No conflicts. Everything you changed reached the server as you meant it.</source>
        <translation>没有冲突。你的所有修改都已按原意上传到服务器。</translation>
    </message>
    <message>
        <source>Decide</source>
        <translation>处理冲突</translation>
    </message>
    <message>
        <source>Keep &amp;mine</source>
        <translation>保留我的(&amp;M)</translation>
    </message>
    <message>
        <source>Take &amp;theirs</source>
        <translation>采用服务器的(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Edit the value…</source>
        <translation>手动修改(&amp;E)…</translation>
    </message>
    <message>
        <source>Before (both started from)</source>
        <translation>修改前（双方的起点）</translation>
    </message>
    <message>
        <source>Mine (this computer)</source>
        <translation>我的（本机）</translation>
    </message>
    <message>
        <source>Theirs (on the server now)</source>
        <translation>服务器上的（当前）</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Server&apos;s reason</source>
        <translation>服务器给出的原因</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>怎么处理</translation>
    </message>
    <message>
        <source>&lt;b&gt;Conflicts&lt;/b&gt; — someone else changed the same thing while you were offline. Choose what stays.</source>
        <translation>&lt;b&gt;冲突&lt;/b&gt; — 你离线期间，别人修改了同一内容。请选择保留哪个。</translation>
    </message>
    <message>
        <source>Edit the value</source>
        <translation>手动修改</translation>
    </message>
    <message>
        <source>The value to keep for %1:</source>
        <translation>%1 要保留的值：</translation>
    </message>
    <message>
        <source>Could not resolve: %1</source>
        <translation>无法处理：%1</translation>
    </message>
    <message>
        <source>The server&apos;s value stays.</source>
        <translation>保留服务器上的值。</translation>
    </message>
    <message>
        <source>Your value will be sent with the next sync.</source>
        <translation>你的值会在下次同步时上传。</translation>
    </message>
    <message>
        <source>Choose a conflict above.</source>
        <translation>请在上方选择一个冲突。</translation>
    </message>
    <message>
        <source>You deleted this record; it was changed on the server meanwhile.</source>
        <translation>你删除了这条记录，但同时它在服务器上被修改了。</translation>
    </message>
    <message>
        <source>Field: %1</source>
        <translation>字段：%1</translation>
    </message>
    <message>
        <source>Visit plan</source>
        <translation>拜访计划</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>会议</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>拜访</translation>
    </message>
    <message>
        <source>%1 with %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;Changes the server refused&lt;/b&gt; (%n)</source>
        <translation>
            <numerusform>&lt;b&gt;被服务器拒绝的修改&lt;/b&gt;（%n）</numerusform>
        </translation>
    </message>
    <message>
        <source>Correct the record and save it again, or tell your manager.</source>
        <translation>请更正记录后重新保存，或联系你的经理。</translation>
    </message>
    <message>
        <source>You may not change this. Ask your manager or SFE to do it.</source>
        <translation>你无权修改此项，请让经理或 SFE 处理。</translation>
    </message>
    <message>
        <source>Correct %1 and save again.</source>
        <translation>请更正 %1 后重新保存。</translation>
    </message>
    <message>
        <source>the record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Planned time</source>
        <translation>计划时间</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>拜访目的</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>拜访方式</translation>
    </message>
    <message>
        <source>Starts at</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Ends at</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>职称</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>预算</translation>
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
    <name>rounds::HcpListView</name>
    <message>
        <source>Name, hospital, department, specialty, city or tag</source>
        <translation>姓名、医院、科室、专业、城市或标签</translation>
    </message>
    <message>
        <source>All tiers</source>
        <translation>全部级别</translation>
    </message>
    <message>
        <source>Tier %1</source>
        <translation>%1 级</translation>
    </message>
    <message>
        <source>All specialties</source>
        <translation>全部专业</translation>
    </message>
    <message>
        <source>Any last visit</source>
        <translation>不限最近拜访</translation>
    </message>
    <message numerus="yes">
        <source>Not visited for %n days</source>
        <translation>
            <numerusform>%n 天未拜访</numerusform>
        </translation>
    </message>
    <message>
        <source>In this week&apos;s plan</source>
        <translation>本周计划内</translation>
    </message>
    <message>
        <source>&amp;Log a visit…</source>
        <translation>记录拜访(&amp;L)…</translation>
    </message>
    <message numerus="yes">
        <source>%n or more HCPs</source>
        <translation>
            <numerusform>%n 位以上医生</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n HCPs</source>
        <translation>
            <numerusform>%n 位医生</numerusform>
        </translation>
    </message>
    <message>
        <source>Name, title</source>
        <translation>姓名 · 职称</translation>
    </message>
    <message>
        <source>Institution / department</source>
        <translation>医院 / 科室</translation>
    </message>
    <message>
        <source>Last visit · this month vs target</source>
        <translation>最近拜访 · 本月完成/目标</translation>
    </message>
    <message>
        <source>%1/%2 this month</source>
        <translation>本月 %1/%2</translation>
    </message>
    <message numerus="yes">
        <source>%n this month</source>
        <translation>
            <numerusform>本月 %n 次</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rounds::HcpProfileView</name>
    <message>
        <source>Basic</source>
        <translation>基础</translation>
    </message>
    <message>
        <source>Marketing</source>
        <translation>市场</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>价值</translation>
    </message>
    <message>
        <source>&amp;Log a visit…</source>
        <translation>记录拜访(&amp;L)…</translation>
    </message>
    <message>
        <source>&amp;Plan a visit tomorrow</source>
        <translation>计划明天拜访(&amp;P)</translation>
    </message>
    <message>
        <source>Planned for %1.</source>
        <translation>已计划于 %1。</translation>
    </message>
    <message>
        <source>Visits and meetings</source>
        <translation>拜访和会议</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Support level</source>
        <translation>支持度</translation>
    </message>
    <message>
        <source>Products discussed</source>
        <translation>传递过的产品</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>New tag</source>
        <translation>新标签</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Open follow-ups</source>
        <translation>待跟进事项</translation>
    </message>
    <message>
        <source>Corrections waiting for SFE</source>
        <translation>待 SFE 审核的修正</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>职称</translation>
    </message>
    <message>
        <source>Specialty</source>
        <translation>专业</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <source>Correct value</source>
        <translation>正确的值</translation>
    </message>
    <message>
        <source>Why (e.g. promoted in October)</source>
        <translation>原因（例如：10 月晋升）</translation>
    </message>
    <message>
        <source>Propose a &amp;correction</source>
        <translation>提交信息修正(&amp;C)</translation>
    </message>
    <message>
        <source>Choose an HCP in the list</source>
        <translation>请在列表中选择医生</translation>
    </message>
    <message>
        <source>Tier %1</source>
        <translation>%1 级</translation>
    </message>
    <message>
        <source>Visit · %1</source>
        <translation>拜访 · %1</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>%1 — due %2</source>
        <translation>%1 — %2 截止</translation>
    </message>
    <message>
        <source>Nothing to follow up.</source>
        <translation>暂无待跟进事项。</translation>
    </message>
    <message>
        <source>Meeting · speaker</source>
        <translation>会议 · 讲者</translation>
    </message>
    <message>
        <source>Meeting · chair</source>
        <translation>会议 · 主席</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>会议</translation>
    </message>
    <message>
        <source>Not assessed yet.</source>
        <translation>尚未评估。</translation>
    </message>
    <message>
        <source>Oldest to newest: %1</source>
        <translation>由远及近：%1</translation>
    </message>
    <message>
        <source>%1 ×%2</source>
        <translation>%1 ×%2</translation>
    </message>
    <message>
        <source>No product detailed yet.</source>
        <translation>尚未传递过产品。</translation>
    </message>
    <message>
        <source>None open.</source>
        <translation>暂无。</translation>
    </message>
    <message numerus="yes">
        <source>%n visit(s)</source>
        <translation>
            <numerusform>%n 次拜访</numerusform>
        </translation>
    </message>
    <message>
        <source> · last %1</source>
        <translation> · 最近 %1</translation>
    </message>
    <message>
        <source>Type the tag first.</source>
        <translation>请先输入标签。</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <source>Not removed: %1</source>
        <translation>未删除：%1</translation>
    </message>
    <message>
        <source>Type the correct value first.</source>
        <translation>请先输入正确的值。</translation>
    </message>
    <message>
        <source>Sent to SFE for review. The profile changes when they approve it.</source>
        <translation>已提交 SFE 审核，审核通过后档案才会更新。</translation>
    </message>
    <message>
        <source>Not planned: %1</source>
        <translation>未能计划：%1</translation>
    </message>
</context>
<context>
    <name>rounds::MainWindow</name>
    <message>
        <source>Rounds</source>
        <translation>Rounds</translation>
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
        <source>Visits</source>
        <translation>拜访记录</translation>
    </message>
    <message>
        <source>Your visits, newest first. A visit waiting to reach the server is marked; open one to see or finish it.</source>
        <translation>你的拜访记录，最新的在前。尚未上传的拜访会有标记；双击可查看或继续填写。</translation>
    </message>
    <message>
        <source>Visit plan</source>
        <translation>拜访计划</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>学术会议</translation>
    </message>
    <message>
        <source>Academic and department meetings with their budget and attendees.</source>
        <translation>学术会议和科室会，含预算和参会人员。</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>数据看板</translation>
    </message>
    <message>
        <source>Call rate, coverage and frequency of your team will appear here. This view is not built yet.</source>
        <translation>团队的拜访达成率、覆盖率和拜访频次将显示在这里。此页面尚未完成。</translation>
    </message>
    <message>
        <source>Territories</source>
        <translation>辖区</translation>
    </message>
    <message>
        <source>Territories, alignments and targets will be edited here. This view is not built yet.</source>
        <translation>辖区、医生分配和拜访目标将在这里编辑。此页面尚未完成。</translation>
    </message>
    <message>
        <source>Search HCPs and hospitals (Ctrl+K)</source>
        <translation>搜索医生和医院（Ctrl+K）</translation>
    </message>
    <message>
        <source>&amp;Log a visit…</source>
        <translation>记录拜访(&amp;L)…</translation>
    </message>
    <message>
        <source>&amp;Sign in…</source>
        <translation>登录(&amp;S)…</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>退出登录(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Search HCPs</source>
        <translation>搜索医生(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Sync</source>
        <translation>同步(&amp;S)</translation>
    </message>
    <message>
        <source>Sync &amp;now</source>
        <translation>立即同步(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Conflicts and refused changes</source>
        <translation>冲突和被拒绝的修改(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Rounds</source>
        <translation>关于 Rounds(&amp;A)</translation>
    </message>
    <message>
        <source>About Rounds</source>
        <translation>关于 Rounds</translation>
    </message>
    <message>
        <source>Rounds %1 — visits, plans and meetings for the field force. Works offline; syncs when it can.</source>
        <translation>Rounds %1 — 面向医药代表的拜访、计划和会议管理。离线可用，有网络时自动同步。</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <source>Sign out of %1? Everything on this computer is kept; you sign in again to sync.</source>
        <translation>确定退出 %1 吗？本机数据全部保留；重新登录后即可同步。</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>正在同步…</translation>
    </message>
    <message>
        <source>Sending your changes…</source>
        <translation>正在上传你的修改…</translation>
    </message>
    <message>
        <source>Receiving updates…</source>
        <translation>正在下载更新…</translation>
    </message>
    <message>
        <source>Offline: changes wait on this computer and go out at the next sync</source>
        <translation>离线：修改保存在本机，下次同步时上传</translation>
    </message>
    <message>
        <source>Sign in again to sync; nothing on this computer is lost</source>
        <translation>请重新登录以同步；本机数据不会丢失</translation>
    </message>
    <message>
        <source>The server needs a newer Rounds: please update</source>
        <translation>服务器需要更新版本的 Rounds，请升级</translation>
    </message>
    <message>
        <source>Sync stopped: %1</source>
        <translation>同步中止：%1</translation>
    </message>
    <message>
        <source>Never synced</source>
        <translation>尚未同步</translation>
    </message>
    <message>
        <source>Last sync %1</source>
        <translation>上次同步 %1</translation>
    </message>
    <message>
        <source>Offline · signed out</source>
        <translation>离线 · 未登录</translation>
    </message>
    <message>
        <source>All changes sent</source>
        <translation>所有修改已上传</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to be sent</source>
        <translation>
            <numerusform>%n 条修改待上传</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s)</source>
        <translation>
            <numerusform>%n 个冲突</numerusform>
        </translation>
    </message>
    <message>
        <source>Conflicts (%1)</source>
        <translation>冲突（%1）</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>冲突</translation>
    </message>
    <message>
        <source>HCPs</source>
        <translation>医生</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>未登录</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message numerus="yes">
        <source>%n refused</source>
        <translation>
            <numerusform>%n 条被拒绝</numerusform>
        </translation>
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
    <name>rounds::PendingMarkProxy</name>
    <message>
        <source>Saved on this computer; waiting to be sent to the server.</source>
        <translation>已保存在本机，等待上传到服务器。</translation>
    </message>
</context>
<context>
    <name>rounds::PlanCalendarView</name>
    <message>
        <source>Previous</source>
        <translation>上一页</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一页</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>周</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <source>Drag a visit to another day to move it. Double-click to log it.</source>
        <translation>把拜访拖到另一天即可改期；双击可记录拜访。</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>Clashes with another plan on this day</source>
        <translation>与当天的另一个计划冲突</translation>
    </message>
    <message>
        <source>%1/%2 done</source>
        <translation>已完成 %1/%2</translation>
    </message>
    <message>
        <source>This plan no longer exists.</source>
        <translation>该计划已不存在。</translation>
    </message>
    <message>
        <source>Only planned visits can be moved; this one is done or cancelled.</source>
        <translation>只有未执行的计划可以改期；该计划已完成或已取消。</translation>
    </message>
    <message>
        <source>Not moved: %1</source>
        <translation>未能改期：%1</translation>
    </message>
    <message>
        <source>Moved to %1.</source>
        <translation>已改期到 %1。</translation>
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
    <name>rounds::Session</name>
    <message>
        <source>Rounds on %1</source>
        <translation>%1 上的 Rounds</translation>
    </message>
    <message>
        <source>Cannot open %1.</source>
        <translation>无法打开 %1。</translation>
    </message>
    <message>
        <source>This window works on the data of %1 on %2: sign in as that user.</source>
        <translation>此窗口使用的是 %2 上 %1 的数据：请以该用户登录。</translation>
    </message>
</context>
<context>
    <name>rounds::SignInDialog</name>
    <message>
        <source>Sign in to Rounds</source>
        <translation>登录 Rounds</translation>
    </message>
    <message>
        <source>Sign in once with your company account. Afterwards Rounds also starts without a network.</source>
        <translation>请用公司账号登录一次。之后没有网络也能启动 Rounds。</translation>
    </message>
    <message>
        <source>e.g. rounds.example.com:8421</source>
        <translation>例如 rounds.example.com:8421</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>服务器(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Enter the server address your administrator gave you.</source>
        <translation>请输入管理员提供的服务器地址。</translation>
    </message>
    <message>
        <source>Enter your user name.</source>
        <translation>请输入用户名。</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>请输入密码。</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>正在登录…</translation>
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
    <message>
        <source>Another sync of this database is running.</source>
        <translation>此数据库正在进行另一次同步。</translation>
    </message>
    <message>
        <source>The server had a problem storing a change: %1</source>
        <translation>服务器保存修改时出错：%1</translation>
    </message>
    <message>
        <source>The local database could not read the changes to send: %1</source>
        <translation>本地数据库无法读取待上传的修改：%1</translation>
    </message>
    <message>
        <source>The local database could not read its sync position: %1</source>
        <translation>本地数据库无法读取同步位置：%1</translation>
    </message>
</context>
<context>
    <name>rounds::TodayView</name>
    <message>
        <source>Double-click a planned visit to log it, or an HCP to open the profile.</source>
        <translation>双击计划拜访即可记录，双击医生可打开档案。</translation>
    </message>
    <message>
        <source>Planned for today</source>
        <translation>今日计划拜访</translation>
    </message>
    <message>
        <source>Overdue follow-ups</source>
        <translation>逾期跟进事项</translation>
    </message>
    <message>
        <source>Planned this month, not visited yet</source>
        <translation>本月已计划、尚未拜访</translation>
    </message>
    <message>
        <source>Today, %1</source>
        <translation>今天，%1</translation>
    </message>
    <message>
        <source>No visits planned for today.</source>
        <translation>今天没有计划拜访。</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %2
due %3, %n day(s) ago</source>
        <translation>
            <numerusform>%1 — %2
%3 截止，已逾期 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>No follow-up is overdue.</source>
        <translation>没有逾期的跟进事项。</translation>
    </message>
    <message>
        <source>%1 (tier %2) — planned %3</source>
        <translation>%1（%2 级）— 计划于 %3</translation>
    </message>
    <message>
        <source>Every HCP planned this month has been visited.</source>
        <translation>本月计划的医生都已拜访。</translation>
    </message>
</context>
<context>
    <name>rounds::VisitDialog</name>
    <message>
        <source>Log a visit</source>
        <translation>记录拜访</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>拜访</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Key message</source>
        <translation>关键信息</translation>
    </message>
    <message>
        <source>Reaction</source>
        <translation>医生反应</translation>
    </message>
    <message>
        <source>Add product</source>
        <translation>添加产品</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>What did the doctor say? Questions, objections, needs.</source>
        <translation>医生说了什么？问题、顾虑、需求。</translation>
    </message>
    <message>
        <source>e.g. bring the new clinical data</source>
        <translation>例如：带上最新临床数据</translation>
    </message>
    <message>
        <source>Duration:</source>
        <translation>时长：</translation>
    </message>
    <message>
        <source>due</source>
        <translation>截止</translation>
    </message>
    <message>
        <source>&amp;Channel:</source>
        <translation>拜访方式(&amp;C)：</translation>
    </message>
    <message>
        <source>Time:</source>
        <translation>时间：</translation>
    </message>
    <message>
        <source>Products:</source>
        <translation>产品：</translation>
    </message>
    <message>
        <source>&amp;Feedback:</source>
        <translation>医生反馈(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Support level:</source>
        <translation>支持度(&amp;S)：</translation>
    </message>
    <message>
        <source>Follow-up:</source>
        <translation>跟进事项：</translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation>备注(&amp;N)：</translation>
    </message>
    <message>
        <source>Save &amp;draft</source>
        <translation>保存草稿(&amp;D)</translation>
    </message>
    <message>
        <source>S&amp;ubmit</source>
        <translation>提交(&amp;U)</translation>
    </message>
    <message>
        <source>Choose a product</source>
        <translation>选择产品</translation>
    </message>
    <message>
        <source>No key message</source>
        <translation>无关键信息</translation>
    </message>
    <message>
        <source>A visit cannot be in the future. Plan it instead.</source>
        <translation>拜访时间不能晚于现在；未来的拜访请加入拜访计划。</translation>
    </message>
    <message>
        <source>Each product once, please: remove the repeated one.</source>
        <translation>每个产品只能出现一次，请删除重复的产品。</translation>
    </message>
    <message>
        <source>Choose a product in every row, or remove the empty row.</source>
        <translation>请为每一行选择产品，或删除空行。</translation>
    </message>
    <message>
        <source>How long did it take?</source>
        <translation>请填写拜访时长。</translation>
    </message>
    <message>
        <source>Add the product you detailed.</source>
        <translation>请添加本次传递的产品。</translation>
    </message>
    <message>
        <source>Assess the doctor&apos;s support before submitting.</source>
        <translation>提交前请评估医生的支持度。</translation>
    </message>
    <message>
        <source>The follow-up is due before the visit took place.</source>
        <translation>跟进截止日期早于拜访日期。</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <source>Submitted · read-only</source>
        <translation>已提交 · 只读</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Submit (Ctrl+Enter)</source>
        <translation>提交（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>Save draft (Ctrl+S)</source>
        <translation>保存草稿（Ctrl+S）</translation>
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
