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
</TS>
