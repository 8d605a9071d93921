<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AdminClient</name>
    <message>
        <source>The server has no such device any more. The list is reloaded.</source>
        <translation>服务器上已没有此设备，列表已刷新。</translation>
    </message>
    <message>
        <source>The server has no such user any more. The list is reloaded.</source>
        <translation>服务器上已没有此用户，列表已刷新。</translation>
    </message>
    <message>
        <source>Another user already has this login, or it is not allowed (1 to %1 characters). Choose another.</source>
        <translation>该登录名已被其他用户使用，或不符合要求（1 至 %1 个字符）。请另选一个。</translation>
    </message>
    <message>
        <source>You cannot take away your own administrator role. Another administrator can.</source>
        <translation>不能取消自己的管理员角色，可请其他管理员操作。</translation>
    </message>
    <message>
        <source>The server does not know this role.</source>
        <translation>服务器不认识此角色。</translation>
    </message>
    <message>
        <source>A representative or a manager needs a home territory the server knows. Sync to get the newest territories, then try again.</source>
        <translation>医药代表或地区经理需要服务器上已有的所属辖区。请先同步获取最新辖区，再重试。</translation>
    </message>
    <message>
        <source>You cannot disable your own account. Another administrator can.</source>
        <translation>不能停用自己的账户，可请其他管理员操作。</translation>
    </message>
    <message>
        <source>This is the computer you are using now. Revoke it from another computer.</source>
        <translation>这是您正在使用的电脑，请从另一台电脑吊销它。</translation>
    </message>
    <message>
        <source>The server cannot be reached, so users cannot be managed now. Nothing was changed; try again when you are online.</source>
        <translation>无法连接服务器，暂时无法管理用户。未做任何更改，请联网后重试。</translation>
    </message>
    <message>
        <source>Only an administrator may manage users and devices. Your role may have changed: sync to see it.</source>
        <translation>只有管理员可以管理用户和设备。您的角色可能已变更，请同步后查看。</translation>
    </message>
    <message>
        <source>The login must have 1 to %1 characters.</source>
        <translation>登录名须为 1 至 %1 个字符。</translation>
    </message>
    <message>
        <source>The password must have %1 to %2 characters.</source>
        <translation>密码须为 %1 至 %2 个字符。</translation>
    </message>
    <message>
        <source>The name must have at most %1 characters.</source>
        <translation>姓名最多 %1 个字符。</translation>
    </message>
    <message>
        <source>A representative or a manager needs a home territory.</source>
        <translation>医药代表或地区经理需要所属辖区。</translation>
    </message>
    <message>
        <source>The reason must have at most %1 characters.</source>
        <translation>原因最多 %1 个字符。</translation>
    </message>
    <message>
        <source>The server&apos;s answer is not a user: %1</source>
        <translation>服务器的回复不是用户数据：%1</translation>
    </message>
    <message>
        <source>The server&apos;s answer is not a list of users: %1</source>
        <translation>服务器的回复不是用户列表：%1</translation>
    </message>
    <message>
        <source>Managing users needs a connection to the server: sign in first.</source>
        <translation>管理用户需要连接服务器：请先登录。</translation>
    </message>
</context>
<context>
    <name>Alignments</name>
    <message>
        <source>The local store is not open.</source>
        <translation>本地数据库未打开。</translation>
    </message>
    <message>
        <source>Choose a territory and the day the alignment starts.</source>
        <translation>请选择辖区和分配的起始日。</translation>
    </message>
    <message>
        <source>Choose another territory and the day the move takes effect.</source>
        <translation>请选择另一个辖区和调整生效日期。</translation>
    </message>
    <message>
        <source>The new alignment could not be written.</source>
        <translation>无法写入新的分配。</translation>
    </message>
    <message>
        <source>A target is between 0 and 1000 calls per cycle.</source>
        <translation>目标为每周期 0 至 1000 次拜访。</translation>
    </message>
    <message>
        <source>Select a move or an addition that has not taken effect yet.</source>
        <translation>请选择尚未生效的调整或添加。</translation>
    </message>
    <message>
        <source>A pending change can only be moved to a day after today.</source>
        <translation>待生效变更只能改到今天之后的日期。</translation>
    </message>
    <message>
        <source>The change for %1 has taken effect: it can no longer be edited.</source>
        <translation>%1 的变更已生效，不能再修改。</translation>
    </message>
    <message>
        <source>%1 would move to the territory it comes from; withdraw the move instead.</source>
        <translation>%1 将调回其原辖区；请改为撤回该调整。</translation>
    </message>
    <message>
        <source>The alignment of %1 ends before that day.</source>
        <translation>%1 的分配在该日期之前已结束。</translation>
    </message>
    <message>
        <source>%1 is already aligned to that territory.</source>
        <translation>%1 已分配到该辖区。</translation>
    </message>
    <message>
        <source>%1 would leave the old territory before joining it.</source>
        <translation>%1 将在加入原辖区之前离开它，日期无效。</translation>
    </message>
    <message>
        <source>The change for %1 has taken effect: it can no longer be withdrawn.</source>
        <translation>%1 的变更已生效，不能再撤回。</translation>
    </message>
</context>
<context>
    <name>ChangeRequests</name>
    <message>
        <source>The request no longer exists.</source>
        <translation>该申请已不存在。</translation>
    </message>
    <message>
        <source>The request has been decided already.</source>
        <translation>该申请已审批。</translation>
    </message>
    <message>
        <source>Say why the request is rejected: the rep reads it.</source>
        <translation>请填写驳回理由，代表会看到。</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>cannot open %1</source>
        <translation>无法打开 %1</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not FIELD=VALUE</source>
        <translation>“%1”不是 字段=值 的形式</translation>
    </message>
    <message>
        <source>entity &apos;%1&apos; has no field &apos;%2&apos;</source>
        <translation>实体“%1”没有字段“%2”</translation>
    </message>
    <message>
        <source>the value of &apos;%1&apos; is not valid JSON</source>
        <translation>“%1”的值不是有效的 JSON</translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos;
%2</source>
        <translation>未知命令“%1”
%2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a server address (e.g. https://rounds.example.com:8421)</source>
        <translation>“%1”不是服务器地址（例如 https://rounds.example.com:8421）</translation>
    </message>
    <message>
        <source>no password on standard input</source>
        <translation>标准输入中没有密码</translation>
    </message>
    <message>
        <source> rounds-cli cannot keep a token in memory between runs.</source>
        <translation> rounds-cli 无法在两次运行之间把令牌保存在内存中。</translation>
    </message>
    <message>
        <source>not signed in: run rounds-cli --db %1 login SERVER_URL USERNAME</source>
        <translation>尚未登录：请运行 rounds-cli --db %1 login 服务器地址 用户名</translation>
    </message>
    <message>
        <source>no token for %1 on %2: sign in again</source>
        <translation>%2 上没有 %1 的令牌：请重新登录</translation>
    </message>
    <message>
        <source>  rejected %1 %2: %3</source>
        <translation>  被拒 %1 %2：%3</translation>
    </message>
    <message>
        <source>not signed in</source>
        <translation>尚未登录</translation>
    </message>
    <message>
        <source>unknown entity &apos;%1&apos; (one of: %2)</source>
        <translation>未知实体“%1”（可选：%2）</translation>
    </message>
    <message>
        <source>no changes recorded for %1 %2</source>
        <translation>%1 %2 没有更改记录</translation>
    </message>
    <message>
        <source>search: --limit needs a number of 1 or more</source>
        <translation>search：--limit 需要 1 或更大的数字</translation>
    </message>
    <message>
        <source>no HCP found for &apos;%1&apos;</source>
        <translation>没有找到与“%1”匹配的医生</translation>
    </message>
    <message>
        <source>no HCP with id &apos;%1&apos; in this store</source>
        <translation>本地库中没有 id 为“%1”的医生</translation>
    </message>
    <message numerus="yes">
        <source>%1 has not reached the server for more than %n day(s): sign in again with rounds-cli --db %2 login %3 %1</source>
        <translation>
            <numerusform>%1 已超过 %n 天未连接服务器：请用 rounds-cli --db %2 login %3 %1 重新登录</numerusform>
        </translation>
    </message>
    <message>
        <source>--discard-unsent goes with --remove-data</source>
        <translation>--discard-unsent 需与 --remove-data 一起使用</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) have not reached the server and would be lost; nothing was deleted. Sync first, or add --discard-unsent to delete them too.</source>
        <translation>
            <numerusform>有 %n 项更改尚未送达服务器，删除会丢失这些更改；未删除任何内容。请先同步，或加上 --discard-unsent 一并删除。</numerusform>
        </translation>
    </message>
    <message>
        <source>deleted %1 and its keychain entry</source>
        <translation>已删除 %1 及其密钥环条目</translation>
    </message>
    <message>
        <source>pinned</source>
        <translation>已固定</translation>
    </message>
    <message>
        <source>usage: rounds-cli --db FILE materials [--json]</source>
        <translation>用法：rounds-cli --db 文件 materials [--json]</translation>
    </message>
    <message>
        <source>no materials in this store (sync first)</source>
        <translation>本地库中没有资料（请先同步）</translation>
    </message>
    <message>
        <source>availability judged on %1 (never earlier than the latest time seen)</source>
        <translation>可用性按 %1 判断（不早于曾见到的最晚时间）</translation>
    </message>
    <message>
        <source>usage: rounds-cli --db FILE COMMAND [ARGS]

  login SERVER_URL USERNAME        sign in (password on stdin); the token goes to the keychain
  sync [--json]                    push, pull, push; exit 0 ok, 3 conflicts or rejections left, 1 failure,
                                   4 this computer was revoked (its data for the account is deleted)
  status [--json]                  pending changes, open conflicts, rejected, cursors, epoch, last sync
  dump ENTITY                      the visible local records, one JSON object a line, sorted by id
  edit ENTITY ID FIELD=VALUE ...   a local edit through the normal write path (works offline)
  create ENTITY FIELD=VALUE ...    prints the new id
  delete ENTITY ID
  conflicts [--json]               open conflicts
  resolve CONFLICT_ID mine|theirs
  discard MUTATION_ID              give up a rejected change (status lists them); the server copy returns
  history ENTITY ID [--json]       the record&apos;s changes on the server (who, when, device, each field
                                   old -&gt; new), oldest first; needs the server; --json: the answer of
                                   GET /api/v1/history with every page&apos;s entries
  logout [--remove-data [--discard-unsent]]
                                   forgets the token (local data is kept); --remove-data first sends
                                   what waits, then deletes the database and its keychain entry, and
                                   refuses while changes have not reached the server unless
                                   --discard-unsent
  search TEXT [--limit N] [--json] the HCPs the window&apos;s global search shows for TEXT, in its order:
                                   by name, pinyin (&quot;heli&quot;, &quot;he li&quot;, mixed), initials (&quot;hl&quot;) or
                                   hospital; N defaults to the window&apos;s first page (100); one
                                   line per HCP (id, name, tier, institution), --json: one object
  consent HCP_ID [--json]          the HCP&apos;s consent per channel (and per product with its own
                                   records), from the local store, offline: state (allowed,
                                   missing, withdrawn, expired), expiry, source, evidence; the
                                   company&apos;s consent.required decides what the server refuses
  kpis --period P [--scope KEY] [--json]
                                   every dashboard KPI of a period (2026-10, 2026-Q3 or
                                   2026-09-01..2026-09-30) for a territory/district code or a
                                   username (default: everything in the store), with the content
                                   KPIs (page views, dwell, calls with content, reactions, per
                                   material and product; docs/content-analytics.md)
  files [--json]                   synced files on this computer: hash, state (missing, partial,
                                   complete), bytes held of the size, pinned, the last error, and
                                   the download queue: what is still to fetch, in order, and why
                                   (requested, pinned, presentable, approved)
  files --download [--json]        fetch everything queued now, one file at a time, resuming
                                   partial downloads; progress on stderr; exit 1 when a file failed
  materials [--json]               every local material: title, product, version, status, valid
                                   dates, availability now (presentable, draft, withdrawn, expired,
                                   not_yet_valid; judged on a clock that never goes back), pages,
                                   file here (complete, partial, missing)

After more than `security.offline_days` days (a company setting, 30 by default) without reaching the
server, every command but login and logout refuses to open the data until you sign in again.

FIELD=VALUE is read by the field&apos;s type (numbers, true/false, JSON for JSON fields; an empty value is
null); FIELD:=JSON passes a raw JSON value.

Messages follow the locale: LANGUAGE, else LC_ALL, LC_MESSAGES or LANG (e.g. LANG=zh_CN.UTF-8 for
Chinese; English otherwise). Output meant for scripts (--json, dump) is never translated.
</source>
        <translation>用法：rounds-cli --db 文件 命令 [参数]

  login 服务器地址 用户名          登录（密码从标准输入读取）；令牌存入系统密钥环
  sync [--json]                    推送、拉取、再推送；退出码 0 成功，3 仍有冲突或被拒的更改，1 失败，
                                   4 此电脑已被撤销（该账户的本地数据已删除）
  status [--json]                  待发送的更改、未解决的冲突、被拒的更改、游标、纪元、上次同步
  dump 实体                        本地可见的记录，每行一个 JSON 对象，按 id 排序
  edit 实体 ID 字段=值 ...         经正常写入路径的本地修改（离线可用）
  create 实体 字段=值 ...          输出新记录的 id
  delete 实体 ID
  conflicts [--json]               未解决的冲突
  resolve 冲突ID mine|theirs
  discard 更改ID                   放弃一条被拒的更改（status 会列出）；恢复服务器上的版本
  history 实体 ID [--json]         该记录在服务器上的更改（谁、何时、哪台设备、每个字段的
                                   旧值 -&gt; 新值），按时间先后；需要连接服务器；--json：
                                   GET /api/v1/history 的应答，含每一页的条目
  logout [--remove-data [--discard-unsent]]
                                   删除令牌（本地数据保留）；--remove-data 先发送待发送的
                                   更改，再删除数据库及其密钥环条目；仍有更改未送达服务器
                                   时拒绝执行，除非加上 --discard-unsent
  search 文本 [--limit N] [--json] 窗口全局搜索对该文本显示的医生，顺序相同：按姓名、
                                   拼音（&quot;heli&quot;、&quot;he li&quot;、&quot;he丽&quot;）、首字母（&quot;hl&quot;）或医院；
                                   N 默认为窗口的第一页（100）；每个医生一行（id、姓名、
                                   级别、机构），--json：一个对象
  consent 医生ID [--json]          该医生按渠道（以及有单独记录的产品）的授权同意，读自本地库，
                                   离线可用：状态（allowed、missing、withdrawn、expired）、
                                   到期时间、来源、凭证；服务器拒绝什么由公司设置
                                   consent.required 决定
  kpis --period 期间 [--scope 键] [--json]
                                   某一期间（2026-10、2026-Q3 或 2026-09-01..2026-09-30）的全部
                                   仪表板 KPI，范围为辖区/大区代码或用户名
                                   （默认：本地库中的全部数据），含资料 KPI（页面浏览、停留、
                                   使用资料的拜访、反应，按资料和产品；docs/content-analytics.md）
  files [--json]                   本机的同步文件：哈希、状态（missing 缺失、partial 部分、
                                   complete 完整）、已有字节/大小、是否固定、最近一次错误，以及
                                   下载队列：尚待下载的文件、顺序和原因（requested 按需、
                                   pinned 已固定、presentable 可展示、approved 已批准）
  files --download [--json]        立即逐个下载队列中的全部文件，续传未完成的下载；进度输出到
                                   stderr；有文件失败时退出码为 1
  materials [--json]               本地的全部资料：标题、产品、版本、状态、有效日期、当前能否
                                   展示（presentable 可展示、draft 草稿、withdrawn 已撤回、
                                   expired 已过期、not_yet_valid 尚未生效；按不会倒退的时钟判断）、
                                   页数、本机文件（complete 完整、partial 部分、missing 缺失）

超过 `security.offline_days` 天（公司设置，默认 30 天）未连接服务器后，除 login 和 logout
以外的命令都会拒绝打开数据，直到重新登录。

字段=值 按字段类型读取（数字、true/false、JSON 字段用 JSON；空值即 null）；
字段:=JSON 直接传入原始 JSON 值。

消息语言跟随系统区域设置：先看 LANGUAGE，其次 LC_ALL、LC_MESSAGES 或 LANG
（例如 LANG=zh_CN.UTF-8 为中文；其他情况为英文）。供脚本使用的输出（--json、dump）从不翻译。
</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) queued for download:</source>
        <translation>
            <numerusform>%n 个文件等待下载：</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConsentWarning</name>
    <message>
        <source>%1 withdrew consent to %2 on %3.</source>
        <translation>%1 已于 %3 撤回对“%2”的同意。</translation>
    </message>
    <message>
        <source>%1&apos;s consent to %2 expired on %3.</source>
        <translation>%1 对“%2”的同意已于 %3 过期。</translation>
    </message>
    <message>
        <source>%1 has not consented to %2.</source>
        <translation>%1 尚未同意“%2”。</translation>
    </message>
    <message>
        <source>No consent</source>
        <translation>未获同意</translation>
    </message>
    <message>
        <source>The server will refuse this record until consent is captured in the HCP&apos;s profile. Save anyway?</source>
        <translation>在医生档案中采集同意之前，服务器会拒绝此记录。仍要保存吗？</translation>
    </message>
</context>
<context>
    <name>Dates</name>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>昨天</translation>
    </message>
    <message>
        <source>Tomorrow</source>
        <translation>明天</translation>
    </message>
    <message numerus="yes">
        <source>in %n day(s)</source>
        <translation>
            <numerusform>%n 天后</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n 天前</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DsrClient</name>
    <message>
        <source>The server holds no such HCP (it may not be synced yet).</source>
        <translation>服务器上没有该医生（可能尚未同步）。</translation>
    </message>
    <message>
        <source>The server is too old for data-subject requests; ask your administrator to update it or to use rounds-server hcp.</source>
        <translation>服务器版本过旧，不支持个人信息主体请求；请联系管理员升级服务器，或使用 rounds-server hcp 命令。</translation>
    </message>
    <message>
        <source>Only SFE and administrators may file data-subject requests.</source>
        <translation>只有 SFE 和管理员可以提交个人信息主体请求。</translation>
    </message>
    <message>
        <source>The server&apos;s answer is not an HCP export.</source>
        <translation>服务器的应答不是医生数据导出。</translation>
    </message>
    <message>
        <source>Data-subject requests need a connection to the server: sign in first.</source>
        <translation>个人信息主体请求需要连接服务器：请先登录。</translation>
    </message>
</context>
<context>
    <name>Duplicates</name>
    <message>
        <source>same name, same institution</source>
        <translation>同名同院</translation>
    </message>
    <message>
        <source>same phone</source>
        <translation>电话相同</translation>
    </message>
    <message>
        <source>same e-mail</source>
        <translation>邮箱相同</translation>
    </message>
    <message>
        <source>name written differently</source>
        <translation>姓名写法不同</translation>
    </message>
    <message>
        <source>pinyin of the Chinese name</source>
        <translation>中文姓名的拼音</translation>
    </message>
    <message>
        <source>The local store is not open.</source>
        <translation>本地数据库未打开。</translation>
    </message>
    <message>
        <source>An HCP cannot be merged into itself.</source>
        <translation>医生不能与自身合并。</translation>
    </message>
    <message>
        <source>One of the two HCPs is no longer here.</source>
        <translation>其中一位医生已不存在。</translation>
    </message>
    <message>
        <source>%1 has already been merged.</source>
        <translation>%1 已被合并。</translation>
    </message>
</context>
<context>
    <name>EnumLabels</name>
    <message>
        <source>Region</source>
        <translation>大区</translation>
    </message>
    <message>
        <source>District</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>Territory</source>
        <translation>辖区</translation>
    </message>
    <message>
        <source>Hospital</source>
        <translation>医院</translation>
    </message>
    <message>
        <source>Clinic</source>
        <translation>诊所</translation>
    </message>
    <message>
        <source>Pharmacy</source>
        <translation>药店</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>A</source>
        <translation>A 级</translation>
    </message>
    <message>
        <source>B</source>
        <translation>B 级</translation>
    </message>
    <message>
        <source>C</source>
        <translation>C 级</translation>
    </message>
    <message>
        <source>D</source>
        <translation>D 级</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>无效</translation>
    </message>
    <message>
        <source>Merged</source>
        <translation>已合并</translation>
    </message>
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
        <source>Planned</source>
        <translation>已计划</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>已提交</translation>
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
        <source>Academic meeting</source>
        <translation>学术会议</translation>
    </message>
    <message>
        <source>Department meeting</source>
        <translation>科室会</translation>
    </message>
    <message>
        <source>Webinar</source>
        <translation>网络会议</translation>
    </message>
    <message>
        <source>Dinner meeting</source>
        <translation>餐会</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>线上</translation>
    </message>
    <message>
        <source>In person</source>
        <translation>线下</translation>
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
        <source>Attendee</source>
        <translation>参会者</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>讲者</translation>
    </message>
    <message>
        <source>Chair</source>
        <translation>主持人</translation>
    </message>
    <message>
        <source>HCP</source>
        <translation>医生</translation>
    </message>
    <message>
        <source>Walk-in</source>
        <translation>临时参会者</translation>
    </message>
    <message>
        <source>Company staff</source>
        <translation>公司员工</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>场地</translation>
    </message>
    <message>
        <source>Catering</source>
        <translation>餐饮</translation>
    </message>
    <message>
        <source>Travel</source>
        <translation>差旅</translation>
    </message>
    <message>
        <source>Speaker fee</source>
        <translation>讲课费</translation>
    </message>
    <message>
        <source>Materials</source>
        <translation>物料</translation>
    </message>
    <message>
        <source>Estimated</source>
        <translation>预估</translation>
    </message>
    <message>
        <source>Committed</source>
        <translation>已承诺</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>实际</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>医院</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>科室</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>待审批</translation>
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
        <source>Internal</source>
        <translation>内部</translation>
    </message>
    <message>
        <source>External</source>
        <translation>外部</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>a speaker was added</source>
        <translation>新增了讲者</translation>
    </message>
    <message>
        <source>a fee was added or raised</source>
        <translation>新增或提高了费用</translation>
    </message>
    <message>
        <source>the meeting&apos;s time moved</source>
        <translation>会议时间有变动</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>WeCom</source>
        <translation>企业微信</translation>
    </message>
    <message>
        <source>Event invitations</source>
        <translation>会议邀请</translation>
    </message>
    <message>
        <source>Activity tracking</source>
        <translation>行为追踪</translation>
    </message>
    <message>
        <source>Granted</source>
        <translation>已同意</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <source>Paper form</source>
        <translation>纸质表格</translation>
    </message>
    <message>
        <source>Verbal, during a visit</source>
        <translation>拜访时口头同意</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF 文档</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>图片</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>In a call</source>
        <translation>拜访中</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
</context>
<context>
    <name>HcpReport</name>
    <message>
        <source>Personal data held about an HCP</source>
        <translation>医生个人数据报告</translation>
    </message>
    <message>
        <source>HCP %1, exported %2. Every record below names this HCP; ids and values are those of the sync protocol.</source>
        <translation>医生 %1，导出于 %2。以下每条记录均涉及该医生；编号与取值沿用同步协议。</translation>
    </message>
    <message>
        <source>Personal data erased on %1 at the request of %2: %3</source>
        <translation>个人数据已于 %1 应 %2 的请求删除：%3</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Last changed</source>
        <translation>最近修改</translation>
    </message>
    <message>
        <source>%1 by %2 (version %3)</source>
        <translation>%1，%2（第 %3 版）</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>审计记录</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
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
        <source>Old</source>
        <translation>原值</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新值</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>(deleted)</source>
        <translation>（已删除）</translation>
    </message>
</context>
<context>
    <name>HistoryClient</name>
    <message>
        <source>The server has no history of this record that you may read (it may not be synced yet).</source>
        <translation>服务器上没有您可查看的此记录的历史（可能尚未同步）。</translation>
    </message>
    <message>
        <source>The server&apos;s answer is not a history: %1</source>
        <translation>服务器的应答不是历史记录：%1</translation>
    </message>
    <message>
        <source>History needs a connection to the server: sign in to see it.</source>
        <translation>查看历史需要连接服务器：请登录后查看。</translation>
    </message>
</context>
<context>
    <name>HistoryLabels</name>
    <message>
        <source>Created</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Change refused</source>
        <translation>更改被拒绝</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>KeychainStoreKeyring</name>
    <message>
        <source>The key of the local database is read from the system keychain when the database is first opened, and it was not.</source>
        <translation>本地数据库的密钥应在首次打开数据库时从系统密钥环读取，但未读取。</translation>
    </message>
    <message>
        <source>The system keychain, which keeps the key of the local database, cannot be reached (%1).</source>
        <translation>无法访问保存本地数据库密钥的系统密钥环（%1）。</translation>
    </message>
    <message>
        <source>it did not answer</source>
        <translation>无响应</translation>
    </message>
    <message>
        <source>The key of the local database cannot be saved in the system keychain (%1).</source>
        <translation>无法将本地数据库的密钥保存到系统密钥环（%1）。</translation>
    </message>
    <message>
        <source>The system keychain did not answer.</source>
        <translation>系统密钥环无响应。</translation>
    </message>
    <message>
        <source>This build of Rounds has no keychain support.</source>
        <translation>此版本的 Rounds 不支持密钥环。</translation>
    </message>
    <message>
        <source>The key of the local database in the system keychain is not a key Rounds made (%1 bytes instead of %2).</source>
        <translation>系统密钥环中的本地数据库密钥不是 Rounds 生成的（%1 字节，应为 %2 字节）。</translation>
    </message>
</context>
<context>
    <name>KpiTables</name>
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
        <source>seasonal naive (same month last year)</source>
        <translation>季节性朴素法（取去年同月）</translation>
    </message>
    <message>
        <source>linear trend</source>
        <translation>线性趋势</translation>
    </message>
    <message>
        <source>no forecast (too little history)</source>
        <translation>无预测（历史数据不足）</translation>
    </message>
    <message>
        <source>Key figures</source>
        <translation>关键指标</translation>
    </message>
    <message>
        <source>KPI</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>目标医生</translation>
    </message>
    <message>
        <source>Reached targets</source>
        <translation>已覆盖目标医生</translation>
    </message>
    <message>
        <source>Reach %</source>
        <translation>覆盖率 %</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>拜访</translation>
    </message>
    <message>
        <source>Touches (message, material)</source>
        <translation>触达（消息、资料）</translation>
    </message>
    <message>
        <source>Frequency (calls per reached target)</source>
        <translation>拜访频次（每位已覆盖医生）</translation>
    </message>
    <message>
        <source>Coverage of plan %</source>
        <translation>达标率 %</translation>
    </message>
    <message>
        <source>Plan attainment %</source>
        <translation>拜访计划完成率 %</translation>
    </message>
    <message>
        <source>Field days</source>
        <translation>外勤天数</translation>
    </message>
    <message>
        <source>Calls per field day</source>
        <translation>日均拜访</translation>
    </message>
    <message>
        <source>Average support level</source>
        <translation>平均支持度</translation>
    </message>
    <message>
        <source>Meetings held</source>
        <translation>已召开会议</translation>
    </message>
    <message>
        <source>Attending HCPs</source>
        <translation>签到医生</translation>
    </message>
    <message>
        <source>Event spend (CNY)</source>
        <translation>会议花费（元）</translation>
    </message>
    <message>
        <source>Event budget (CNY)</source>
        <translation>会议预算（元）</translation>
    </message>
    <message>
        <source>Spend vs budget %</source>
        <translation>费用/预算 %</translation>
    </message>
    <message>
        <source>Cost per attending HCP (CNY)</source>
        <translation>每位签到医生费用（元）</translation>
    </message>
    <message>
        <source>Sales (CNY)</source>
        <translation>销售额（元）</translation>
    </message>
    <message>
        <source>Market share %</source>
        <translation>市场份额 %</translation>
    </message>
    <message>
        <source>ROI (sales per yuan of effort)</source>
        <translation>投入产出比（每元投入的销售额）</translation>
    </message>
    <message>
        <source>Sales year on year %</source>
        <translation>销售额同比 %</translation>
    </message>
    <message>
        <source>Reach by tier</source>
        <translation>分级覆盖率</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>分级</translation>
    </message>
    <message>
        <source>Reached</source>
        <translation>已覆盖</translation>
    </message>
    <message>
        <source>Calls per day</source>
        <translation>每日拜访</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Channel mix</source>
        <translation>拜访渠道构成</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>拜访</translation>
    </message>
    <message>
        <source>Share %</source>
        <translation>占比 %</translation>
    </message>
    <message>
        <source>Product detail share (weights %1 / %2 / %3)</source>
        <translation>产品传递占比（权重 %1 / %2 / %3）</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>传递次数</translation>
    </message>
    <message>
        <source>Weighted</source>
        <translation>加权</translation>
    </message>
    <message>
        <source>Average support level by week</source>
        <translation>按周平均支持度</translation>
    </message>
    <message>
        <source>Average support level by month</source>
        <translation>按月平均支持度</translation>
    </message>
    <message>
        <source>From</source>
        <translation>起始</translation>
    </message>
    <message>
        <source>Average support</source>
        <translation>平均支持度</translation>
    </message>
    <message>
        <source>Reps</source>
        <translation>代表</translation>
    </message>
    <message>
        <source>Rep</source>
        <translation>代表</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Targets reached</source>
        <translation>已覆盖目标医生</translation>
    </message>
    <message>
        <source>Sales by month; forecast: %1</source>
        <translation>月度销售额；预测：%1</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>External (CNY)</source>
        <translation>外部数据（元）</translation>
    </message>
    <message>
        <source>Month on month %</source>
        <translation>环比 %</translation>
    </message>
    <message>
        <source>Year on year %</source>
        <translation>同比 %</translation>
    </message>
    <message>
        <source>Forecast</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>forecast</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>Sales by territory</source>
        <translation>各辖区销售额</translation>
    </message>
    <message>
        <source>Territory</source>
        <translation>辖区</translation>
    </message>
    <message>
        <source>Facts</source>
        <translation>记录数</translation>
    </message>
    <message>
        <source>Sales by product</source>
        <translation>各产品销售额</translation>
    </message>
    <message>
        <source>Sales by institution</source>
        <translation>各医院销售额</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>医院</translation>
    </message>
    <message>
        <source>Content in calls</source>
        <translation>拜访中的资料</translation>
    </message>
    <message>
        <source>Page views</source>
        <translation>页面浏览</translation>
    </message>
    <message>
        <source>Viewed pages (2 s or a reaction)</source>
        <translation>有效浏览页（≥2 秒或有反应）</translation>
    </message>
    <message>
        <source>Presentations</source>
        <translation>演示次数</translation>
    </message>
    <message>
        <source>Average dwell per viewed page (s)</source>
        <translation>每个有效页平均停留（秒）</translation>
    </message>
    <message>
        <source>Calls (face to face, remote)</source>
        <translation>拜访（面对面、远程）</translation>
    </message>
    <message>
        <source>Calls with content</source>
        <translation>使用资料的拜访</translation>
    </message>
    <message>
        <source>Calls with content %</source>
        <translation>使用资料的拜访占比 %</translation>
    </message>
    <message>
        <source>Positive reactions</source>
        <translation>积极反应</translation>
    </message>
    <message>
        <source>Neutral reactions</source>
        <translation>中性反应</translation>
    </message>
    <message>
        <source>Negative reactions</source>
        <translation>消极反应</translation>
    </message>
    <message>
        <source>Positive reactions %</source>
        <translation>积极反应占比 %</translation>
    </message>
    <message>
        <source>Anonymous page views (no tracking consent)</source>
        <translation>匿名页面浏览（未同意跟踪）</translation>
    </message>
    <message>
        <source>Viewed pages</source>
        <translation>有效浏览页</translation>
    </message>
    <message>
        <source>Avg dwell per viewed page (s)</source>
        <translation>有效页平均停留（秒）</translation>
    </message>
    <message>
        <source>Positive</source>
        <translation>积极</translation>
    </message>
    <message>
        <source>Neutral</source>
        <translation>中性</translation>
    </message>
    <message>
        <source>Negative</source>
        <translation>消极</translation>
    </message>
    <message>
        <source>Viewed pages per presentation</source>
        <translation>每次演示有效浏览页</translation>
    </message>
    <message>
        <source>Engagement</source>
        <translation>参与度</translation>
    </message>
    <message>
        <source>Content by material</source>
        <translation>按资料统计</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <source>Material</source>
        <translation>资料</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Content by product</source>
        <translation>按产品统计</translation>
    </message>
</context>
<context>
    <name>Labels</name>
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
</context>
<context>
    <name>LocalWipe</name>
    <message>
        <source>the saved sign-in in the keychain (%1)</source>
        <translation>密钥环中保存的登录信息（%1）</translation>
    </message>
    <message>
        <source>Could not delete: %1</source>
        <translation>无法删除：%1</translation>
    </message>
    <message>
        <source>the database&apos;s key in the keychain (%1)</source>
        <translation>密钥环中的数据库密钥（%1）</translation>
    </message>
</context>
<context>
    <name>MasterData</name>
    <message>
        <source>Required.</source>
        <translation>必填。</translation>
    </message>
    <message>
        <source>The record no longer exists.</source>
        <translation>该记录已不存在。</translation>
    </message>
    <message>
        <source>A name is required.</source>
        <translation>请填写姓名。</translation>
    </message>
    <message>
        <source>A phone number has 7 to 15 digits, e.g. 138 0013 8000.</source>
        <translation>电话号码为 7 至 15 位数字，如 138 0013 8000。</translation>
    </message>
    <message>
        <source>Not an e-mail address (name@hospital.cn).</source>
        <translation>邮箱格式不正确（如 name@hospital.cn）。</translation>
    </message>
    <message>
        <source>The tier is A, B, C or D.</source>
        <translation>分级为 A、B、C 或 D。</translation>
    </message>
    <message>
        <source>Choose a grade from the list (e.g. 三级甲等).</source>
        <translation>请从列表中选择等级（如 三级甲等）。</translation>
    </message>
    <message>
        <source>The local store is not open.</source>
        <translation>本地数据库未打开。</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) are invalid: nothing is imported.</source>
        <translation>
            <numerusform>%n 行无效：未导入任何数据。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MeetingReport</name>
    <message>
        <source>Territory</source>
        <translation>辖区</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Attendees and speakers</source>
        <translation>参会人员与讲者</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>身份</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>劳务费</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>已签到</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Spend by category</source>
        <translation>按类别的费用</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>预算</translation>
    </message>
    <message>
        <source>Spend counted by the budget rule</source>
        <translation>预算规则计入的费用</translation>
    </message>
    <message>
        <source>Expenses</source>
        <translation>费用</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>凭证</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>Compliance</source>
        <translation>合规</translation>
    </message>
    <message>
        <source>No rule is broken.</source>
        <translation>未违反任何合规规则。</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>会议</translation>
    </message>
    <message>
        <source>Starts at</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Budget (CNY)</source>
        <translation>预算（元）</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>部分</translation>
    </message>
    <message>
        <source>Fee (CNY)</source>
        <translation>劳务费（元）</translation>
    </message>
    <message>
        <source>Attendee</source>
        <translation>参会者</translation>
    </message>
    <message>
        <source>Amount (CNY)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Expense</source>
        <translation>费用</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>实际值</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>上限</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Violation</source>
        <translation>违规</translation>
    </message>
    <message>
        <source>Transfers of value %1</source>
        <translation>%1 年度价值转移</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Catering share</source>
        <translation>餐费分摊</translation>
    </message>
    <message>
        <source>Total this year</source>
        <translation>本年合计</translation>
    </message>
    <message>
        <source>HCP</source>
        <translation>医生</translation>
    </message>
    <message>
        <source>Catering share (CNY)</source>
        <translation>餐费分摊（元）</translation>
    </message>
    <message>
        <source>Total (CNY)</source>
        <translation>合计（元）</translation>
    </message>
    <message>
        <source>the PDF could not be written to %1</source>
        <translation>无法将 PDF 写入 %1</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>导出报告</translation>
    </message>
    <message>
        <source>PDF (*.pdf);;CSV for Excel (*.csv)</source>
        <translation>PDF (*.pdf);;适用于 Excel 的 CSV (*.csv)</translation>
    </message>
    <message>
        <source>The report was not written: %1</source>
        <translation>报告未能写入：%1</translation>
    </message>
</context>
<context>
    <name>MeetingWords</name>
    <message>
        <source>Blocks</source>
        <translation>阻止</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>提醒</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>%1 is set by the server and cannot be changed.</source>
        <translation>%1由服务器设置，不能修改。</translation>
    </message>
    <message>
        <source>%1 does not name a record (a lower-case UUID is expected).</source>
        <translation>%1没有指向任何记录（应为小写 UUID）。</translation>
    </message>
    <message>
        <source>%1 must be a whole number of at least 1.</source>
        <translation>%1必须是不小于 1 的整数。</translation>
    </message>
    <message>
        <source>%1 is not a date and time.</source>
        <translation>%1不是有效的日期和时间。</translation>
    </message>
    <message>
        <source>%1 must be text.</source>
        <translation>%1必须是文本。</translation>
    </message>
    <message>
        <source>This record has no field %1.</source>
        <translation>此记录没有字段%1。</translation>
    </message>
    <message>
        <source>%1 is required.</source>
        <translation>%1为必填项。</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Updated at</source>
        <translation>更新时间</translation>
    </message>
    <message>
        <source>Updated by</source>
        <translation>更新人</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>预算</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>拜访方式</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <source>Decided by</source>
        <translation>审批人</translation>
    </message>
    <message>
        <source>Decision note</source>
        <translation>审批意见</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>科室</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <source>Duration (minutes)</source>
        <translation>时长（分钟）</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>Ends at</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <source>Record type</source>
        <translation>记录类型</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>凭证</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>劳务费</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>反馈</translation>
    </message>
    <message>
        <source>Proposed values</source>
        <translation>建议的值</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>跟进事项</translation>
    </message>
    <message>
        <source>Follow-up due</source>
        <translation>跟进截止日期</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>HCP</source>
        <translation>医生</translation>
    </message>
    <message>
        <source>Home territory</source>
        <translation>所属辖区</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>医院</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>设置项</translation>
    </message>
    <message>
        <source>Key message</source>
        <translation>关键信息</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>层级</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>会议</translation>
    </message>
    <message>
        <source>Merged into</source>
        <translation>合并到</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>形式</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Parent territory</source>
        <translation>上级区域</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>顺序</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>省份</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>拜访目的</translation>
    </message>
    <message>
        <source>Reaction</source>
        <translation>医生反应</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Rep</source>
        <translation>代表</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>已签到</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Specialty</source>
        <translation>专科</translation>
    </message>
    <message>
        <source>Starts at</source>
        <translation>开始时间</translation>
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
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Target calls per cycle</source>
        <translation>每周期目标拜访次数</translation>
    </message>
    <message>
        <source>Territory</source>
        <translation>辖区</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Therapeutic area</source>
        <translation>治疗领域</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <source>Valid to</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Sales value</source>
        <translation>销售额</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>拜访</translation>
    </message>
    <message>
        <source>Visited at</source>
        <translation>拜访时间</translation>
    </message>
    <message>
        <source>Professional title</source>
        <translation>职称</translation>
    </message>
    <message>
        <source>Meeting type</source>
        <translation>会议类型</translation>
    </message>
    <message>
        <source>Institution type</source>
        <translation>机构类型</translation>
    </message>
    <message>
        <source>Attendee type</source>
        <translation>参会者类型</translation>
    </message>
    <message>
        <source>Attendee name</source>
        <translation>参会者姓名</translation>
    </message>
    <message>
        <source>Territory name</source>
        <translation>区域名称</translation>
    </message>
    <message>
        <source>Institution name</source>
        <translation>医院名称</translation>
    </message>
    <message>
        <source>Department name</source>
        <translation>科室名称</translation>
    </message>
    <message>
        <source>Product name</source>
        <translation>产品名称</translation>
    </message>
    <message>
        <source>Territory code</source>
        <translation>区域代码</translation>
    </message>
    <message>
        <source>Setting value</source>
        <translation>设置值</translation>
    </message>
    <message>
        <source>The server found this change invalid.</source>
        <translation>服务器认为此修改无效。</translation>
    </message>
    <message>
        <source>The server refused the value of “%1”.</source>
        <translation>服务器拒绝了“%1”的值。</translation>
    </message>
    <message>
        <source>A submitted record is read-only: the server keeps the submitted version.</source>
        <translation>已提交的记录为只读，服务器保留已提交的版本。</translation>
    </message>
    <message>
        <source>Your role or territory does not allow this change.</source>
        <translation>你的角色或辖区不允许此修改。</translation>
    </message>
    <message>
        <source>The server does not know this record, or it is outside what you may see.</source>
        <translation>服务器上没有此记录，或它不在您可查看的范围内。</translation>
    </message>
    <message>
        <source>This change is too large to send to the server.</source>
        <translation>此修改过大，无法发送到服务器。</translation>
    </message>
    <message>
        <source>Your sign-in has expired: sign in again.</source>
        <translation>登录已过期，请重新登录。</translation>
    </message>
    <message>
        <source>The server is busy: Rounds tries again later.</source>
        <translation>服务器繁忙，Rounds 稍后会重试。</translation>
    </message>
    <message>
        <source>This version of Rounds is too old for the server: please update.</source>
        <translation>此版本的 Rounds 过旧，服务器不再支持，请更新。</translation>
    </message>
    <message>
        <source>The server could not store the change; Rounds sends it again with the next sync.</source>
        <translation>服务器未能保存此修改，Rounds 会在下次同步时重新发送。</translation>
    </message>
    <message>
        <source>A compliance rule blocks this change.</source>
        <translation>此修改违反合规规则，已被禁止。</translation>
    </message>
    <message>
        <source>The server refused this change (%1).</source>
        <translation>服务器拒绝了此更改（%1）。</translation>
    </message>
    <message>
        <source>%1 may not be empty.</source>
        <translation>%1不能为空。</translation>
    </message>
    <message>
        <source>%1 is longer than %2 characters.</source>
        <translation>%1超过 %2 个字符。</translation>
    </message>
    <message>
        <source>%1 must be a whole number.</source>
        <translation>%1必须是整数。</translation>
    </message>
    <message>
        <source>%1 must be between %2 and %3.</source>
        <translation>%1必须介于 %2 和 %3 之间。</translation>
    </message>
    <message>
        <source>%1 must be yes or no.</source>
        <translation>%1必须是“是”或“否”。</translation>
    </message>
    <message>
        <source>%1 is not a date (YYYY-MM-DD).</source>
        <translation>%1不是有效日期（YYYY-MM-DD）。</translation>
    </message>
    <message>
        <source>%1 is not a month (YYYY-MM).</source>
        <translation>%1不是有效月份（YYYY-MM）。</translation>
    </message>
    <message>
        <source>%1 is not a currency code (three capital letters, e.g. CNY).</source>
        <translation>%1不是币种代码（三个大写字母，例如 CNY）。</translation>
    </message>
    <message>
        <source>%1 must be one of: %2.</source>
        <translation>%1必须是以下之一：%2。</translation>
    </message>
    <message>
        <source>%1 must be a JSON object.</source>
        <translation>%1必须是 JSON 对象。</translation>
    </message>
    <message>
        <source>Sales records</source>
        <translation>销售记录数</translation>
    </message>
    <message>
        <source>Sales with a market figure</source>
        <translation>有市场数据的销售额</translation>
    </message>
    <message>
        <source>Sent back because</source>
        <translation>退回原因</translation>
    </message>
    <message>
        <source>Planned time</source>
        <translation>计划时间</translation>
    </message>
    <message>
        <source>Alignment</source>
        <translation>辖区分配</translation>
    </message>
    <message>
        <source>Visit plan</source>
        <translation>拜访计划</translation>
    </message>
    <message>
        <source>Product discussed</source>
        <translation>传递的产品</translation>
    </message>
    <message>
        <source>Meeting attendee</source>
        <translation>参会者</translation>
    </message>
    <message>
        <source>Meeting expense</source>
        <translation>会议费用</translation>
    </message>
    <message>
        <source>Correction request</source>
        <translation>信息变更申请</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Sales record</source>
        <translation>销售记录</translation>
    </message>
    <message>
        <source>Sales total</source>
        <translation>销售汇总</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>授权同意</translation>
    </message>
    <message>
        <source>Consent source</source>
        <translation>同意来源</translation>
    </message>
    <message>
        <source>Evidence reference</source>
        <translation>凭证编号</translation>
    </message>
    <message>
        <source>Captured at</source>
        <translation>采集时间</translation>
    </message>
    <message>
        <source>Expires at</source>
        <translation>到期时间</translation>
    </message>
    <message>
        <source>The HCP has not consented to this channel (no consent, withdrawn or expired): capture consent in the HCP&apos;s profile, then send again.</source>
        <translation>该医生未同意此渠道（无同意、已撤回或已过期）：请在医生档案中采集同意后再发送。</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Replaces</source>
        <translation>替代</translation>
    </message>
    <message>
        <source>Approval code</source>
        <translation>审批编号</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>File size</source>
        <translation>文件大小</translation>
    </message>
    <message>
        <source>Thumbnail</source>
        <translation>缩略图</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>页数</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>页</translation>
    </message>
    <message>
        <source>Material</source>
        <translation>资料</translation>
    </message>
    <message>
        <source>Material version</source>
        <translation>资料版本</translation>
    </message>
    <message>
        <source>Shown at</source>
        <translation>展示时间</translation>
    </message>
    <message>
        <source>Time on page</source>
        <translation>页面停留时间</translation>
    </message>
    <message>
        <source>Material type</source>
        <translation>资料类型</translation>
    </message>
    <message>
        <source>Shown</source>
        <translation>展示方式</translation>
    </message>
    <message>
        <source>Key message of a material</source>
        <translation>资料的关键信息</translation>
    </message>
    <message>
        <source>Page view</source>
        <translation>页面浏览</translation>
    </message>
    <message>
        <source>This material could not be presented then (a draft, withdrawn, expired, not yet valid or another version): the server does not keep this page view.</source>
        <translation>该资料当时不可展示（草稿、已撤回、已过期、尚未生效或版本不符）：服务器不保留此页面浏览记录。</translation>
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
    <message>
        <source>DSR-2026-017: the HCP&apos;s letter of 1 December, asking to be erased</source>
        <translation>DSR-2026-017：医生 12 月 1 日来函，要求删除个人信息</translation>
    </message>
</context>
<context>
    <name>Territories</name>
    <message>
        <source>The local store is not open.</source>
        <translation>本地数据库未打开。</translation>
    </message>
    <message>
        <source>A territory needs a code.</source>
        <translation>辖区需要编码。</translation>
    </message>
    <message>
        <source>A territory needs a name.</source>
        <translation>辖区需要名称。</translation>
    </message>
    <message>
        <source>The parent territory no longer exists.</source>
        <translation>上级辖区已不存在。</translation>
    </message>
    <message>
        <source>A retired territory takes no new children.</source>
        <translation>已停用的辖区不能再添加下级。</translation>
    </message>
    <message>
        <source>A territory cannot contain other territories.</source>
        <translation>辖区下不能再建下级。</translation>
    </message>
    <message>
        <source>The code %1 is already taken.</source>
        <translation>编码 %1 已被使用。</translation>
    </message>
    <message>
        <source>The territory no longer exists.</source>
        <translation>该辖区已不存在。</translation>
    </message>
    <message>
        <source>Choose where to move it.</source>
        <translation>请选择移至的位置。</translation>
    </message>
    <message>
        <source>It cannot go there: a territory belongs under a district, a district under a region.</source>
        <translation>不能移到这里：辖区属于地区，地区属于大区。</translation>
    </message>
    <message>
        <source>A territory cannot move inside itself.</source>
        <translation>不能移到自身之下。</translation>
    </message>
    <message>
        <source>It is already there.</source>
        <translation>已经在该位置。</translation>
    </message>
    <message>
        <source>It is already retired.</source>
        <translation>已经停用。</translation>
    </message>
    <message>
        <source>Move or retire its %1 territories first.</source>
        <translation>请先移走或停用其下 %1 个辖区。</translation>
    </message>
    <message>
        <source>Move or end its %1 alignments first.</source>
        <translation>请先调整或结束其 %1 条医生分配。</translation>
    </message>
</context>
<context>
    <name>rounds::AboutDialog</name>
    <message>
        <source>About Rounds</source>
        <translation>关于 Rounds</translation>
    </message>
    <message>
        <source>Visits, visit plans and meetings for the field force. Rounds keeps your territory on this computer, works without a network, and syncs with your company&apos;s server whenever it can — without losing a record.</source>
        <translation>为医药代表团队管理拜访、拜访计划和学术会议。Rounds 把你的辖区数据保存在这台电脑上，没有网络也能工作，并在可以连接时与公司服务器同步——不会丢失任何一条记录。</translation>
    </message>
    <message>
        <source>Rounds:</source>
        <translation>Rounds：</translation>
    </message>
    <message>
        <source>Qt:</source>
        <translation>Qt：</translation>
    </message>
    <message>
        <source>%1 (built with %2)</source>
        <translation>%1（编译版本 %2）</translation>
    </message>
    <message>
        <source>SQLite:</source>
        <translation>SQLite：</translation>
    </message>
    <message>
        <source>Sync protocol:</source>
        <translation>同步协议：</translation>
    </message>
    <message>
        <source>System:</source>
        <translation>系统：</translation>
    </message>
    <message>
        <source>&amp;Copy versions</source>
        <translation>复制版本信息(&amp;C)</translation>
    </message>
</context>
<context>
    <name>rounds::AlignmentEditor</name>
    <message>
        <source>Ended</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>Current</source>
        <translation>当前</translation>
    </message>
    <message>
        <source>Starts later</source>
        <translation>未生效</translation>
    </message>
    <message>
        <source>HCP</source>
        <translation>医生</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>分级</translation>
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
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>From</source>
        <translation>起始</translation>
    </message>
    <message>
        <source>To</source>
        <translation>截止</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Alignment</source>
        <translation>分配状态</translation>
    </message>
    <message>
        <source>Show ended alignments</source>
        <translation>显示已结束的分配</translation>
    </message>
    <message>
        <source>Remove from territory</source>
        <translation>移出辖区</translation>
    </message>
    <message>
        <source>Ends the selected alignments yesterday; one that has not started is deleted.</source>
        <translation>所选分配于昨天结束；尚未生效的分配直接删除。</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>调整</translation>
    </message>
    <message>
        <source>Tier %1</source>
        <translation>%1 级</translation>
    </message>
    <message>
        <source>No tier</source>
        <translation>未分级</translation>
    </message>
    <message>
        <source>Set target</source>
        <translation>设置目标</translation>
    </message>
    <message>
        <source>Move selected to</source>
        <translation>将所选医生调至</translation>
    </message>
    <message>
        <source>from</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <source>Calls per cycle for</source>
        <translation>每周期拜访次数：</translation>
    </message>
    <message>
        <source>Add HCPs</source>
        <translation>添加医生</translation>
    </message>
    <message>
        <source>Name, hospital or specialty</source>
        <translation>姓名、医院或专业</translation>
    </message>
    <message>
        <source>Add selected</source>
        <translation>添加所选</translation>
    </message>
    <message>
        <source>Add its HCPs</source>
        <translation>添加该院医生</translation>
    </message>
    <message>
        <source>Add matching HCPs</source>
        <translation>添加符合条件的医生</translation>
    </message>
    <message>
        <source>Choose a specialty, tier or city that some HCPs match.</source>
        <translation>请选择有医生符合的专业、分级或城市。</translation>
    </message>
    <message>
        <source>Aligned from</source>
        <translation>分配起始日</translation>
    </message>
    <message>
        <source>Calls per cycle</source>
        <translation>每周期拜访次数</translation>
    </message>
    <message>
        <source>All HCPs of an institution</source>
        <translation>某医院的全部医生</translation>
    </message>
    <message>
        <source>All HCPs matching</source>
        <translation>符合条件的全部医生</translation>
    </message>
    <message>
        <source>Institutions</source>
        <translation>医院</translation>
    </message>
    <message>
        <source>Any specialty</source>
        <translation>任意专业</translation>
    </message>
    <message>
        <source>Any city</source>
        <translation>任意城市</translation>
    </message>
    <message>
        <source>Any tier</source>
        <translation>任意分级</translation>
    </message>
    <message>
        <source>Choose a territory to see and edit its alignments.</source>
        <translation>选择一个辖区，查看并编辑其医生分配。</translation>
    </message>
    <message>
        <source>Alignments of %1 %2</source>
        <translation>%1 %2 的医生分配</translation>
    </message>
    <message>
        <source>(no institution)</source>
        <translation>（无医院）</translation>
    </message>
    <message>
        <source>Waiting to be sent to the server</source>
        <translation>等待发送到服务器</translation>
    </message>
    <message>
        <source>%1 current · %2 starting later · %3 ended — %4 target calls per cycle</source>
        <translation>当前 %1 · 未生效 %2 · 已结束 %3 — 每周期目标拜访 %4 次</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %n HCP(s)</source>
        <translation>
            <numerusform>%1 — %n 位医生</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a territory and the HCPs to add.</source>
        <translation>请选择辖区和要添加的医生。</translation>
    </message>
    <message numerus="yes">
        <source>%n HCP(s) added</source>
        <translation>
            <numerusform>已添加 %n 位医生</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n already aligned here</source>
        <translation>
            <numerusform>，%n 位已在本辖区</numerusform>
        </translation>
    </message>
    <message>
        <source>Select the alignments to end.</source>
        <translation>请选择要结束的分配。</translation>
    </message>
    <message numerus="yes">
        <source>%n alignment(s) ended.</source>
        <translation>
            <numerusform>已结束 %n 条分配。</numerusform>
        </translation>
    </message>
    <message>
        <source>Select the HCPs to move.</source>
        <translation>请选择要调整的医生。</translation>
    </message>
    <message numerus="yes">
        <source>%n HCP(s) move from %1.</source>
        <translation>
            <numerusform>%n 位医生将于 %1 调整。</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a territory first.</source>
        <translation>请先选择辖区。</translation>
    </message>
    <message numerus="yes">
        <source>Target set on %n alignment(s).</source>
        <translation>
            <numerusform>已为 %n 条分配设置目标。</numerusform>
        </translation>
    </message>
    <message>
        <source>Filter: name, hospital, department, specialty, city or tag</source>
        <translation>筛选：姓名、医院、科室、专业、城市或标签</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Changes the day or the destination of the selected moves that have not taken effect yet.</source>
        <translation>修改所选尚未生效的调整的日期或目标辖区。</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>撤回</translation>
    </message>
    <message>
        <source>Cancels the selected moves or additions that have not taken effect yet: the HCPs stay where they are.</source>
        <translation>撤回所选尚未生效的调整或添加：医生保持原分配。</translation>
    </message>
    <message>
        <source>Pending move: to</source>
        <translation>待生效调整：调至</translation>
    </message>
    <message>
        <source>Same destination</source>
        <translation>目标辖区不变</translation>
    </message>
    <message>
        <source>the territory %1 (no rep)</source>
        <translation>辖区 %1（无代表）</translation>
    </message>
    <message>
        <source>%1 %2 (%3)</source>
        <translation>%1 %2（%3）</translation>
    </message>
    <message>
        <source>Cancelled: nothing was changed.</source>
        <translation>已取消：未做任何更改。</translation>
    </message>
    <message numerus="yes">
        <source>End %n alignment(s) in %1: %2.</source>
        <translation>
            <numerusform>结束 %1 中的 %n 条分配：%2。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 loses %n HCP(s) from %2: they leave the territory&apos;s list and plans. An alignment that has not started is deleted.</source>
        <translation>
            <numerusform>%1 自 %2 起失去 %n 位医生：他们将从该辖区的名单和计划中移除。尚未生效的分配直接删除。</numerusform>
        </translation>
    </message>
    <message>
        <source>End alignments</source>
        <translation>结束分配</translation>
    </message>
    <message>
        <source>Choose another territory and the day the move takes effect.</source>
        <translation>请选择另一个辖区和调整生效日期。</translation>
    </message>
    <message numerus="yes">
        <source>Move %n HCP(s) from %1 to %2, effective %3: %4.</source>
        <translation>
            <numerusform>将 %n 位医生从 %1 调至 %2，%3 生效：%4。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 loses %n HCP(s) on %2; %3 gains them that day. Until then they stay with %1.</source>
        <translation>
            <numerusform>%1 于 %2 失去 %n 位医生；%3 当天接手。在此之前他们仍归 %1。</numerusform>
        </translation>
    </message>
    <message>
        <source>Move HCPs</source>
        <translation>调整医生</translation>
    </message>
    <message>
        <source>HCPs without a tier</source>
        <translation>未分级的医生</translation>
    </message>
    <message>
        <source>tier %1 HCPs</source>
        <translation>%1 级医生</translation>
    </message>
    <message numerus="yes">
        <source>Set the target of %n alignment(s) (%1 in %2) to %3 calls per cycle.</source>
        <translation>
            <numerusform>将 %n 条分配（%2 中的%1）的目标设为每周期 %3 次拜访。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 sees the new target from %2, in the plan and the coverage figures.</source>
        <translation>%1 自 %2 起在计划和覆盖指标中看到新目标。</translation>
    </message>
    <message>
        <source>Select a move or an addition that has not taken effect yet.</source>
        <translation>请选择尚未生效的调整或添加。</translation>
    </message>
    <message numerus="yes">
        <source>Change %n pending change(s): %1 join %2 on %3 instead of %4.</source>
        <translation>
            <numerusform>修改 %n 项待生效变更：%1 于 %3（原为 %4）加入 %2。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 keeps %n HCP(s) until %2; %3 gains them on %4.</source>
        <translation>
            <numerusform>%1 保留这 %n 位医生至 %2；%3 于 %4 接手。</numerusform>
        </translation>
    </message>
    <message>
        <source>Change pending move</source>
        <translation>修改待生效调整</translation>
    </message>
    <message numerus="yes">
        <source>%n pending change(s) changed.</source>
        <translation>
            <numerusform>已修改 %n 项待生效变更。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Withdraw %n pending change(s) to %1 effective %2: %3.</source>
        <translation>
            <numerusform>撤回 %n 项调至 %1、%2 生效的待生效变更：%3。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 keeps %n HCP(s); %2 does not gain them.</source>
        <translation>
            <numerusform>%1 保留这 %n 位医生；%2 不会接手。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 does not gain %n HCP(s).</source>
        <translation>
            <numerusform>%1 不会接手这 %n 位医生。</numerusform>
        </translation>
    </message>
    <message>
        <source>Withdraw pending move</source>
        <translation>撤回待生效调整</translation>
    </message>
    <message numerus="yes">
        <source>%n pending change(s) withdrawn.</source>
        <translation>
            <numerusform>已撤回 %n 项待生效变更。</numerusform>
        </translation>
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
    <message>
        <source>An administrator revoked this computer&apos;s access to Rounds, so its Rounds data is deleted from it.</source>
        <translation>管理员已撤销此电脑对 Rounds 的访问权限，此电脑上的 Rounds 数据将被删除。</translation>
    </message>
    <message>
        <source>An administrator revoked this computer&apos;s access to Rounds (%1), so its Rounds data is deleted from it.</source>
        <translation>管理员已撤销此电脑对 Rounds 的访问权限（%1），此电脑上的 Rounds 数据将被删除。</translation>
    </message>
    <message>
        <source>The server&apos;s answer is not the file asked for.</source>
        <translation>服务器的应答不是所请求的文件。</translation>
    </message>
</context>
<context>
    <name>rounds::ChangeRequestsView</name>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>Change requests</source>
        <translation>信息变更申请</translation>
    </message>
    <message>
        <source>Corrections reps proposed to HCPs and institutions. Approving applies the proposed values on the server at the next sync; a rejection tells the rep why.</source>
        <translation>代表提交的医生和医院信息更正。批准后，下次同步时服务器应用新值；驳回时需告知代表原因。</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Territory</source>
        <translation>辖区</translation>
    </message>
    <message>
        <source>Proposed by</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>当前值</translation>
    </message>
    <message>
        <source>Proposed</source>
        <translation>申请值</translation>
    </message>
    <message>
        <source>Note to the rep (required to reject)</source>
        <translation>给代表的说明（驳回时必填）</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>驳回</translation>
    </message>
    <message>
        <source>No request to show.</source>
        <translation>没有申请。</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>未填写理由</translation>
    </message>
    <message>
        <source>Decision: %1</source>
        <translation>审批意见：%1</translation>
    </message>
    <message>
        <source>Approved. The server applies the values at the next sync.</source>
        <translation>已批准，下次同步时服务器应用新值。</translation>
    </message>
    <message>
        <source>Rejected. The rep sees your note after the next sync.</source>
        <translation>已驳回，代表下次同步后可看到您的说明。</translation>
    </message>
</context>
<context>
    <name>rounds::CompanySettingsView</name>
    <message>
        <source>Cap for tier A (CNY)</source>
        <translation>A 级上限（元）</translation>
    </message>
    <message>
        <source>Cap for tier B (CNY)</source>
        <translation>B 级上限（元）</translation>
    </message>
    <message>
        <source>Cap for tiers C and D (CNY)</source>
        <translation>C、D 级上限（元）</translation>
    </message>
    <message>
        <source>Largest share (%)</source>
        <translation>最高占比（%）</translation>
    </message>
    <message>
        <source>Tolerance over the budget (%)</source>
        <translation>超预算容差（%）</translation>
    </message>
    <message>
        <source>Cap per HCP and year (CNY)</source>
        <translation>每位医生每年上限（元）</translation>
    </message>
    <message>
        <source>Cap per attendee (CNY)</source>
        <translation>人均上限（元）</translation>
    </message>
    <message>
        <source>Company settings</source>
        <translation>公司设置</translation>
    </message>
    <message>
        <source>The rules and numbers every user of the company works with. A save goes to the server at the next sync and reaches everyone from there.</source>
        <translation>全公司用户共用的规则和数值。保存后在下次同步时发送到服务器，再由服务器同步给所有人。</translation>
    </message>
    <message>
        <source>Compliance rules for meetings</source>
        <translation>会议合规规则</translation>
    </message>
    <message>
        <source>Off: not checked</source>
        <translation>关闭：不检查</translation>
    </message>
    <message>
        <source>Warn: shown, not enforced</source>
        <translation>提醒：提示但不阻止</translation>
    </message>
    <message>
        <source>Block: the step is refused</source>
        <translation>阻止：拒绝该步骤</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>No limit: the rule checks a condition.</source>
        <translation>无数值限制：此规则检查一个条件。</translation>
    </message>
    <message>
        <source>Save compliance rules</source>
        <translation>保存合规规则</translation>
    </message>
    <message>
        <source>Dashboard and workload numbers</source>
        <translation>看板与工作量参数</translation>
    </message>
    <message>
        <source>Weight of the first product detailed</source>
        <translation>第一个讲解产品的权重</translation>
    </message>
    <message>
        <source>Weight of the second product detailed</source>
        <translation>第二个讲解产品的权重</translation>
    </message>
    <message>
        <source>Weight of later products</source>
        <translation>其后产品的权重</translation>
    </message>
    <message>
        <source>Cost of one call (CNY)</source>
        <translation>单次拜访成本（元）</translation>
    </message>
    <message>
        <source>Travel minutes per institution</source>
        <translation>每家机构的路程分钟数</translation>
    </message>
    <message>
        <source>Save dashboard and workload numbers</source>
        <translation>保存看板与工作量参数</translation>
    </message>
    <message>
        <source>enter an amount from 0.00 to %1 CNY, with at most two decimals.</source>
        <translation>请输入 0.00 至 %1 元之间的金额，最多两位小数。</translation>
    </message>
    <message>
        <source>enter a whole percent from 0 to %1.</source>
        <translation>请输入 0 至 %1 之间的整数百分比。</translation>
    </message>
    <message>
        <source>enter a weight from 0 to 1, with at most two decimals.</source>
        <translation>请输入 0 至 1 之间的权重，最多两位小数。</translation>
    </message>
    <message>
        <source>enter whole minutes from 0 to %1.</source>
        <translation>请输入 0 至 %1 之间的整数分钟。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Nothing changed.</source>
        <translation>没有改动。</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <source>Saved. It reaches the server and every user at the next sync.</source>
        <translation>已保存。下次同步时发送到服务器并同步给所有用户。</translation>
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
        <source>The whole record</source>
        <translation>整条记录</translation>
    </message>
    <message>
        <source>Capture the HCP&apos;s consent for this channel in their profile: the change is then sent again.</source>
        <translation>请在医生档案中采集该渠道的同意，之后此更改会重新发送。</translation>
    </message>
</context>
<context>
    <name>rounds::ConsentPanel</name>
    <message>
        <source>Expires soon</source>
        <translation>即将到期</translation>
    </message>
    <message>
        <source>Granted</source>
        <translation>已同意</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>授权同意</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>到期</translation>
    </message>
    <message>
        <source>Source · evidence</source>
        <translation>来源 · 凭证</translation>
    </message>
    <message>
        <source>Evidence reference (form number, file name)</source>
        <translation>凭证编号（表单号、文件名）</translation>
    </message>
    <message>
        <source>Grant / renew</source>
        <translation>同意 / 续期</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>撤回</translation>
    </message>
    <message>
        <source>All products</source>
        <translation>全部产品</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <source>Consent for %1 recorded.</source>
        <translation>已记录“%1”的同意。</translation>
    </message>
    <message>
        <source>Withdrawal for %1 recorded.</source>
        <translation>已记录“%1”的撤回。</translation>
    </message>
</context>
<context>
    <name>rounds::ContentHistoryPanel</name>
    <message>
        <source>Page %1: %2</source>
        <translation>第 %1 页：%2</translation>
    </message>
    <message>
        <source>not counted (under 2 s)</source>
        <translation>不计入（不足 2 秒）</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>资料</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Material</source>
        <translation>资料</translation>
    </message>
    <message>
        <source>Pages viewed</source>
        <translation>已看页数</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Reactions</source>
        <translation>反应</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2 页</translation>
    </message>
    <message>
        <source>%1 (v%2)</source>
        <translation>%1（第 %2 版）</translation>
    </message>
    <message>
        <source>No content history: this HCP has not consented to activity tracking, so what they are shown is recorded without their name.</source>
        <translation>无资料浏览记录：该医生未同意活动跟踪，向其展示的资料以匿名方式记录。</translation>
    </message>
    <message>
        <source>Nothing has been presented to this HCP yet.</source>
        <translation>尚未向该医生展示过资料。</translation>
    </message>
</context>
<context>
    <name>rounds::ContentRankingView</name>
    <message>
        <source>All products</source>
        <translation>全部产品</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <source>Material</source>
        <translation>资料</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Presentations</source>
        <translation>演示次数</translation>
    </message>
    <message>
        <source>Viewed pages per presentation</source>
        <translation>每次演示有效浏览页</translation>
    </message>
    <message>
        <source>Positive share</source>
        <translation>积极占比</translation>
    </message>
    <message>
        <source>Engagement</source>
        <translation>参与度</translation>
    </message>
    <message>
        <source>Avg dwell (s)</source>
        <translation>平均停留（秒）</translation>
    </message>
    <message>
        <source>Page views</source>
        <translation>页面浏览</translation>
    </message>
    <message>
        <source>Engagement = viewed pages per presentation × positive share ((positive + 1) / (reactions + 2)). Materials shown in fewer than %1 presentations are listed without a rank.</source>
        <translation>参与度 = 每次演示有效浏览页 × 积极占比（(积极 + 1) / (反应数 + 2)）。演示少于 %1 次的资料列出但不排名。</translation>
    </message>
    <message>
        <source>Product:</source>
        <translation>产品：</translation>
    </message>
    <message>
        <source>%1 (v%2)</source>
        <translation>%1（第 %2 版）</translation>
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
    <name>rounds::DashboardContent</name>
    <message>
        <source>%1 (%2 viewed)</source>
        <translation>%1（有效 %2）</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>%1% (%2/%3)</source>
        <translation>%1%（%2/%3）</translation>
    </message>
    <message>
        <source>no calls</source>
        <translation>无拜访</translation>
    </message>
    <message>
        <source>%1% positive (%2 · %3 · %4)</source>
        <translation>%1% 积极（%2 · %3 · %4）</translation>
    </message>
    <message>
        <source>no reactions</source>
        <translation>无反应</translation>
    </message>
    <message>
        <source>Content in calls</source>
        <translation>拜访中的资料</translation>
    </message>
    <message>
        <source>Page views</source>
        <translation>页面浏览</translation>
    </message>
    <message>
        <source>Average dwell per viewed page</source>
        <translation>每个有效页平均停留</translation>
    </message>
    <message>
        <source>Calls with content</source>
        <translation>使用资料的拜访</translation>
    </message>
    <message>
        <source>Reaction mix</source>
        <translation>反应构成</translation>
    </message>
    <message>
        <source>Materials ranked by engagement</source>
        <translation>资料参与度排名</translation>
    </message>
    <message>
        <source>By product</source>
        <translation>按产品</translation>
    </message>
    <message>
        <source>CSV…</source>
        <translation>CSV…</translation>
    </message>
    <message>
        <source>Save this table as CSV</source>
        <translation>将此表保存为 CSV</translation>
    </message>
    <message>
        <source>– vs %1</source>
        <translation>– 对比 %1</translation>
    </message>
    <message>
        <source>%1 vs %2</source>
        <translation>%1 对比 %2</translation>
    </message>
</context>
<context>
    <name>rounds::DashboardView</name>
    <message>
        <source>%1 %2</source>
        <comment>chart axis: a short month name, then the year</comment>
        <translation>%2年%1</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>chart axis: a short month name, then the day of the month</comment>
        <translation>%1%2日</translation>
    </message>
    <message>
        <source>to %1 (the period has not ended)</source>
        <translation>截至 %1（期间未结束）</translation>
    </message>
    <message>
        <source>%1 to day %2</source>
        <comment>a month under way in a legend</comment>
        <translation>%1 截至 %2 日</translation>
    </message>
    <message>
        <source>Forecast (%1)</source>
        <translation>预测（%1）</translation>
    </message>
    <message>
        <source>seasonal naive</source>
        <translation>季节性朴素法</translation>
    </message>
    <message>
        <source>linear trend</source>
        <translation>线性趋势</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>to day %1</source>
        <translation>截至 %1 日</translation>
    </message>
    <message>
        <source>%1: no year on year until the period has ended</source>
        <translation>%1：期间结束前不计同比</translation>
    </message>
    <message>
        <source>Scope: %1</source>
        <translation>范围：%1</translation>
    </message>
    <message>
        <source>Period: %1</source>
        <translation>期间：%1</translation>
    </message>
    <message>
        <source>Exported by: %1</source>
        <translation>导出人：%1</translation>
    </message>
    <message>
        <source>Exported at: %1</source>
        <translation>导出时间：%1</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>第 %1 页，共 %2 页</translation>
    </message>
    <message>
        <source>%1 (%2 – %3)</source>
        <translation>%1（%2 – %3）</translation>
    </message>
    <message>
        <source>— not ended: figures to %1</source>
        <translation>— 未结束：数据截至 %1</translation>
    </message>
    <message>
        <source>Rounds dashboard report</source>
        <translation>Rounds 数据看板报告</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>数据看板</translation>
    </message>
    <message>
        <source>Scope:</source>
        <translation>范围：</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>期间：</translation>
    </message>
    <message>
        <source>A month (2026-10), a quarter (2026-Q3) or a cycle of dates (2026-09-01..2026-09-30)</source>
        <translation>月份（2026-10）、季度（2026-Q3）或日期区间（2026-09-01..2026-09-30）</translation>
    </message>
    <message>
        <source>Export PNG/PDF…</source>
        <translation>导出 PNG/PDF…</translation>
    </message>
    <message>
        <source>Export tables (CSV)…</source>
        <translation>导出表格（CSV）…</translation>
    </message>
    <message>
        <source>Reach by tier (click a bar: targets not reached)</source>
        <translation>分级覆盖率（点击柱形：查看未覆盖医生）</translation>
    </message>
    <message>
        <source>Calls per day</source>
        <translation>每日拜访</translation>
    </message>
    <message>
        <source>Channel mix</source>
        <translation>拜访渠道构成</translation>
    </message>
    <message>
        <source>Product detail share</source>
        <translation>产品传递占比</translation>
    </message>
    <message>
        <source>Event spend vs budget</source>
        <translation>会议费用与预算</translation>
    </message>
    <message>
        <source>Calls by rep (click a bar: that rep&apos;s dashboard)</source>
        <translation>各代表拜访量（点击柱形：查看该代表看板）</translation>
    </message>
    <message>
        <source>Sales by month</source>
        <translation>月度销售额</translation>
    </message>
    <message>
        <source>Average support level</source>
        <translation>平均支持度</translation>
    </message>
    <message>
        <source>Sales by territory</source>
        <translation>各辖区销售额</translation>
    </message>
    <message>
        <source>Sales by product</source>
        <translation>各产品销售额</translation>
    </message>
    <message>
        <source>Sales by institution (top 8)</source>
        <translation>各医院销售额（前 8）</translation>
    </message>
    <message>
        <source>Reach</source>
        <translation>覆盖率</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>拜访</translation>
    </message>
    <message>
        <source>Frequency</source>
        <translation>拜访频次</translation>
    </message>
    <message>
        <source>Coverage of plan</source>
        <translation>达标率</translation>
    </message>
    <message>
        <source>Plan attainment</source>
        <translation>计划完成率</translation>
    </message>
    <message>
        <source>Calls per field day</source>
        <translation>日均拜访</translation>
    </message>
    <message>
        <source>Average support</source>
        <translation>平均支持度</translation>
    </message>
    <message>
        <source>Touches</source>
        <translation>触达</translation>
    </message>
    <message>
        <source>Spend vs budget</source>
        <translation>费用/预算</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>销售额</translation>
    </message>
    <message>
        <source>Market share</source>
        <translation>市场份额</translation>
    </message>
    <message>
        <source>ROI</source>
        <translation>投入产出比</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>表格</translation>
    </message>
    <message>
        <source>Show the exact numbers under the chart</source>
        <translation>在图表下显示精确数字</translation>
    </message>
    <message>
        <source>CSV…</source>
        <translation>CSV…</translation>
    </message>
    <message>
        <source>Save this table as CSV</source>
        <translation>将此表格保存为 CSV</translation>
    </message>
    <message>
        <source>Everything on this computer</source>
        <translation>本机全部数据</translation>
    </message>
    <message>
        <source>%1 (rep)</source>
        <translation>%1（代表）</translation>
    </message>
    <message>
        <source>Not a period: use 2026-10, 2026-Q3 or 2026-09-01..2026-09-30</source>
        <translation>期间格式不对：请用 2026-10、2026-Q3 或 2026-09-01..2026-09-30</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <source>The dashboard could not be computed: %1</source>
        <translation>看板无法计算：%1</translation>
    </message>
    <message>
        <source>%1 vs %2 · %3</source>
        <translation>%1 对比 %2 · %3</translation>
    </message>
    <message>
        <source>everything on this computer</source>
        <translation>本机全部数据</translation>
    </message>
    <message>
        <source>%1% (%2/%3)</source>
        <translation>%1%（%2/%3）</translation>
    </message>
    <message>
        <source>no plans</source>
        <translation>无计划</translation>
    </message>
    <message>
        <source>no events</source>
        <translation>无会议</translation>
    </message>
    <message>
        <source>no market data</source>
        <translation>无市场数据</translation>
    </message>
    <message>
        <source>– vs %1</source>
        <translation>– 对比 %1</translation>
    </message>
    <message>
        <source>%1 vs %2</source>
        <translation>%1 对比 %2</translation>
    </message>
    <message>
        <source>Reach %</source>
        <translation>覆盖率 %</translation>
    </message>
    <message>
        <source>Share %</source>
        <translation>占比 %</translation>
    </message>
    <message>
        <source>Sales (CNY)</source>
        <translation>销售额（元）</translation>
    </message>
    <message>
        <source>Not shown for your role</source>
        <translation>您的角色无权查看</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>预算</translation>
    </message>
    <message>
        <source>Spend</source>
        <translation>花费</translation>
    </message>
    <message>
        <source>Same month last year</source>
        <translation>去年同月</translation>
    </message>
    <message>
        <source>%1: %2 year on year</source>
        <translation>%1：同比 %2</translation>
    </message>
    <message>
        <source>by week (1 opposes … 5 advocates)</source>
        <translation>按周（1 反对 … 5 倡导）</translation>
    </message>
    <message>
        <source>by month (1 opposes … 5 advocates)</source>
        <translation>按月（1 反对 … 5 倡导）</translation>
    </message>
    <message>
        <source>%1 · %2 · target %3</source>
        <translation>%1 · %2 · 目标 %3 次</translation>
    </message>
    <message>
        <source>no institution</source>
        <translation>无医院</translation>
    </message>
    <message numerus="yes">
        <source>Tier %1: %n target(s) not reached in %2 (double-click to open)</source>
        <translation>
            <numerusform>%1 级：%2 有 %n 位目标医生未覆盖（双击打开档案）</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>无法写入 %1</translation>
    </message>
    <message>
        <source>No table %1</source>
        <translation>没有表格 %1</translation>
    </message>
    <message>
        <source>Save table as CSV</source>
        <translation>保存表格为 CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Export the dashboard</source>
        <translation>导出看板</translation>
    </message>
    <message>
        <source>PNG image (*.png);;PDF document (*.pdf)</source>
        <translation>PNG 图片 (*.png);;PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Folder for the CSV tables</source>
        <translation>CSV 表格保存文件夹</translation>
    </message>
    <message>
        <source>Meetings held: %1 → %2</source>
        <translation>已召开会议：%1 → %2</translation>
    </message>
    <message>
        <source>%1: year on year — (a month without sales, now or a year before)</source>
        <translation>%1：同比 —（本期或去年同期有月份无销售）</translation>
    </message>
</context>
<context>
    <name>rounds::DateEdit</name>
    <message>
        <source>A date with a four-digit year, as %1 or as YYYY-MM-DD; or pick it in the calendar.</source>
        <translation>四位年份的日期，格式如 %1 或 YYYY-MM-DD；也可在日历中选择。</translation>
    </message>
</context>
<context>
    <name>rounds::DownloadStatus</name>
    <message>
        <source>Downloading materials: %1 of %2 · %3 of %4 MB</source>
        <translation>正在下载资料：第 %1 个，共 %2 个 · %3 / %4 MB</translation>
    </message>
    <message>
        <source>Downloads paused: the server cannot be reached</source>
        <translation>下载已暂停：无法连接服务器</translation>
    </message>
    <message>
        <source>A download failed; it is tried again at the next sync</source>
        <translation>有文件下载失败，下次同步时将重试</translation>
    </message>
</context>
<context>
    <name>rounds::DuplicatesView</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Specialty</source>
        <translation>科室专业</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>职称</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>医院</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>科室</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>分级</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>Duplicate HCPs</source>
        <translation>重复医生</translation>
    </message>
    <message>
        <source>HCP</source>
        <translation>医生</translation>
    </message>
    <message>
        <source>Possible duplicate</source>
        <translation>疑似重复</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>相似度</translation>
    </message>
    <message>
        <source>Keep the record of</source>
        <translation>保留的记录</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>左侧</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>右侧</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message numerus="yes">
        <source>%n likely duplicate pair(s). Choose a pair, the record to keep and the value to keep for each field, then merge: the other record&apos;s visits, plans, tags and alignments move to the one kept.</source>
        <translation>
            <numerusform>%n 组疑似重复。选择一组，确定保留的记录和每个字段保留的值，然后合并：另一条记录的拜访、计划、标签和分配都归到保留的记录下。</numerusform>
        </translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message numerus="yes">
        <source>Left: %n visit(s), plan(s) and alignment(s). </source>
        <translation>
            <numerusform>左侧：%n 条拜访、计划和分配。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Right: %n visit(s), plan(s) and alignment(s).</source>
        <translation>
            <numerusform>右侧：%n 条拜访、计划和分配。</numerusform>
        </translation>
    </message>
    <message>
        <source>Merge the two records into %1? The other one is marked merged and its history moves to the one kept after the next sync.</source>
        <translation>将两条记录合并为 %1？另一条标记为已合并，下次同步后其历史记录归到保留的记录下。</translation>
    </message>
    <message>
        <source>Merged into %1. It reaches the server at the next sync.</source>
        <translation>已合并为 %1，下次同步时发送到服务器。</translation>
    </message>
</context>
<context>
    <name>rounds::EraseDialog</name>
    <message>
        <source>Erase personal data</source>
        <translation>删除个人信息</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&apos;s personal data will be erased on the server and, at their next sync, on every laptop. This cannot be undone.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; 的个人信息将从服务器删除，各台电脑在下次同步时一并删除。此操作无法撤销。</translation>
    </message>
    <message>
        <source>Removed:</source>
        <translation>删除：</translation>
    </message>
    <message>
        <source>Kept, anonymised: the visits (date, channel, products, support level) and meetings still count in the KPIs; the HCP stays as &quot;%1&quot; with specialty, tier and institution. The request is recorded in the audit trail with your name and the reason.</source>
        <translation>保留（匿名）：拜访（日期、方式、产品、支持度）和会议仍计入 KPI；该医生以“%1”保留，专业、级别和医院不变。本次请求连同您的姓名和理由记入审计记录。</translation>
    </message>
    <message>
        <source>Who asked, and the request&apos;s reference (e.g. letter of 1 December)</source>
        <translation>由谁提出，以及请求编号（如 12 月 1 日来函）</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>理由：</translation>
    </message>
    <message>
        <source>Type the HCP&apos;s name to confirm:</source>
        <translation>输入医生姓名以确认：</translation>
    </message>
    <message>
        <source>&amp;Erase personal data</source>
        <translation>删除个人信息(&amp;E)</translation>
    </message>
    <message>
        <source>%1 characters: at most %2, please shorten it</source>
        <translation>%1 个字符：最多 %2 个，请缩短</translation>
    </message>
    <message>
        <source>%1 of %2 characters</source>
        <translation>%1 / %2 个字符</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between the fields of one record</comment>
        <translation>、</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>a kind of record: what of it is erased</comment>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>all deleted</source>
        <translation>全部删除</translation>
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
    <message>
        <source>Consent</source>
        <translation>授权同意</translation>
    </message>
    <message>
        <source>Face to face</source>
        <translation>面对面</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Consent to face-to-face visits in force.</source>
        <translation>面对面拜访的同意有效。</translation>
    </message>
    <message>
        <source>Consent to face-to-face visits was withdrawn.</source>
        <translation>面对面拜访的同意已撤回。</translation>
    </message>
    <message>
        <source>Consent to face-to-face visits has expired.</source>
        <translation>面对面拜访的同意已过期。</translation>
    </message>
    <message>
        <source>No consent to face-to-face visits recorded.</source>
        <translation>未记录面对面拜访的同意。</translation>
    </message>
    <message>
        <source>A consent expires soon: renew it at the next visit.</source>
        <translation>有同意即将到期：请在下次拜访时续期。</translation>
    </message>
    <message>
        <source>expires soon</source>
        <translation>即将到期</translation>
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
    <message>
        <source>Approved: %1</source>
        <translation>已批准：%1</translation>
    </message>
    <message>
        <source>Rejected: %1 (%2)</source>
        <translation>已驳回：%1（%2）</translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation>历史(&amp;H)…</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>电话：</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>地址：</translation>
    </message>
    <message>
        <source>Covered by:</source>
        <translation>负责代表：</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>后退</translation>
    </message>
    <message>
        <source>Back to the previous profile (Alt+Left)</source>
        <translation>返回上一个医生档案（Alt+左方向键）</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>前进</translation>
    </message>
    <message>
        <source>Forward to the next profile (Alt+Right)</source>
        <translation>前往下一个医生档案（Alt+右方向键）</translation>
    </message>
    <message>
        <source>By</source>
        <translation>拜访人</translation>
    </message>
    <message>
        <source>Upcoming plans</source>
        <translation>即将进行的拜访计划</translation>
    </message>
    <message>
        <source> · last visit: %1</source>
        <translation> · 最近拜访：%1</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>未记录</translation>
    </message>
    <message>
        <source>%1 (no rep)</source>
        <translation>%1（无代表）</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>no territory today</source>
        <translation>目前未分配辖区</translation>
    </message>
    <message>
        <source>No visit planned.</source>
        <translation>暂无拜访计划。</translation>
    </message>
    <message>
        <source>Pre&amp;sent…</source>
        <translation>演示(&amp;S)…</translation>
    </message>
</context>
<context>
    <name>rounds::HistoryDialog</name>
    <message>
        <source>History of %1</source>
        <translation>%1 的历史</translation>
    </message>
</context>
<context>
    <name>rounds::HistoryView</name>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Before → after</source>
        <translation>修改前 → 修改后</translation>
    </message>
    <message>
        <source>Loading the history from the server…</source>
        <translation>正在从服务器加载历史…</translation>
    </message>
    <message>
        <source>History needs a connection to the server. Connect (and sign in), then open it again; nothing here is lost.</source>
        <translation>查看历史需要连接服务器。请连接（并登录）后重新打开；此处不会丢失任何内容。</translation>
    </message>
    <message>
        <source>No changes are recorded for this record.</source>
        <translation>此记录没有更改记录。</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s), oldest first.</source>
        <translation>
            <numerusform>%n 条更改，按时间先后。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
</context>
<context>
    <name>rounds::ImportPreview</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Save template…</source>
        <translation>保存模板…</translation>
    </message>
    <message>
        <source>Saves an empty file with the columns this import reads, and a README that explains each column.</source>
        <translation>保存一个只含本导入所读各列的空文件，以及逐列说明的 README。</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>全部问题</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>检查结果</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>%1 (required)</source>
        <translation>%1（必填）</translation>
    </message>
    <message>
        <source>Duplicate of line %1</source>
        <translation>与第 %1 行重复</translation>
    </message>
    <message>
        <source>Invalid</source>
        <translation>无效</translation>
    </message>
    <message>
        <source>Exists already: skipped</source>
        <translation>已存在：跳过</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <source>Save template</source>
        <translation>保存模板</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Template saved to %1; its columns are explained in %2.</source>
        <translation>模板已保存到 %1；各列说明见 %2。</translation>
    </message>
</context>
<context>
    <name>rounds::KeyMessageLinksEditor</name>
    <message>
        <source>Page</source>
        <translation>页</translation>
    </message>
    <message>
        <source>Key message</source>
        <translation>关键信息</translation>
    </message>
    <message>
        <source>Add key message</source>
        <translation>添加关键信息</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Whole material</source>
        <translation>整份资料</translation>
    </message>
</context>
<context>
    <name>rounds::LibraryModel</name>
    <message>
        <source>Approved, expired</source>
        <translation>已批准，已过期</translation>
    </message>
    <message>
        <source>Approved, not valid yet</source>
        <translation>已批准，尚未生效</translation>
    </message>
    <message>
        <source>This computer does not hold the file yet.</source>
        <translation>本机尚无此文件。</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Not here</source>
        <translation>不在本机</translation>
    </message>
    <message>
        <source>On this computer</source>
        <translation>在本机</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Valid to</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>页数</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
</context>
<context>
    <name>rounds::LibraryView</name>
    <message>
        <source>Library</source>
        <translation>资料库</translation>
    </message>
    <message>
        <source>Filter by title, product or approval code</source>
        <translation>按标题、产品或审批编号筛选</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>New material…</source>
        <translation>新建资料…</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>撤回</translation>
    </message>
    <message>
        <source>New version…</source>
        <translation>新版本…</translation>
    </message>
    <message>
        <source>Key messages…</source>
        <translation>关键信息…</translation>
    </message>
    <message>
        <source>Products and key messages…</source>
        <translation>产品与关键信息…</translation>
    </message>
    <message>
        <source>The materials reps present in their visits. A new material is a draft until you approve it; reps present approved materials within their validity, offline too. Changes are saved on this computer and reach the server with the next sync, files first.</source>
        <translation>代表在拜访中展示的资料。新资料在您批准前为草稿；代表可在有效期内展示已批准的资料，离线亦可。更改保存在本机，下次同步时送达服务器（先传文件）。</translation>
    </message>
    <message>
        <source>All products</source>
        <translation>全部产品</translation>
    </message>
    <message>
        <source>The library cannot be read: %1</source>
        <translation>无法读取资料库：%1</translation>
    </message>
    <message numerus="yes">
        <source>The server refused %n change(s) of the library: %1</source>
        <translation>
            <numerusform>服务器拒绝了资料库的 %n 项更改：%1</numerusform>
        </translation>
    </message>
    <message>
        <source>No materials yet: add one with New material…</source>
        <translation>还没有资料：用“新建资料…”添加</translation>
    </message>
    <message numerus="yes">
        <source>%n material(s).</source>
        <translation>
            <numerusform>共 %n 份资料。</numerusform>
        </translation>
    </message>
    <message>
        <source>Saved as a draft on this computer; approve it when it may be presented. It reaches the server with the next sync.</source>
        <translation>已作为草稿保存在本机；可以展示时再批准。下次同步时送达服务器。</translation>
    </message>
    <message>
        <source>Version %1 saved as a draft; approving it withdraws version %2.</source>
        <translation>第 %1 版已保存为草稿；批准后将撤回第 %2 版。</translation>
    </message>
    <message>
        <source>Approve “%1” (version %2)? Reps can present it within its validity once it has synced.</source>
        <translation>批准“%1”（第 %2 版）？同步后代表即可在有效期内展示。</translation>
    </message>
    <message>
        <source>The version it replaces is withdrawn.</source>
        <translation>被替代的旧版本将被撤回。</translation>
    </message>
    <message>
        <source>Approve material</source>
        <translation>批准资料</translation>
    </message>
    <message>
        <source>The material was not approved: %1</source>
        <translation>资料未批准：%1</translation>
    </message>
    <message>
        <source>Approved. Reps receive it with their next sync.</source>
        <translation>已批准。代表下次同步时收到。</translation>
    </message>
    <message>
        <source>Withdraw material</source>
        <translation>撤回资料</translation>
    </message>
    <message>
        <source>Withdraw “%1” (version %2)? Reps can no longer present it, also offline, once their laptop has synced. This cannot be undone; upload a new version instead.</source>
        <translation>撤回“%1”（第 %2 版）？代表的电脑同步后将无法再展示（离线亦然）。此操作不能撤销；如需更新请上传新版本。</translation>
    </message>
    <message>
        <source>The material was not withdrawn: %1</source>
        <translation>资料未撤回：%1</translation>
    </message>
    <message>
        <source>Withdrawn.</source>
        <translation>已撤回。</translation>
    </message>
    <message>
        <source>Key messages of “%1”</source>
        <translation>“%1”的关键信息</translation>
    </message>
    <message>
        <source>The key messages were not saved: %1</source>
        <translation>关键信息未保存：%1</translation>
    </message>
    <message>
        <source>Key messages saved.</source>
        <translation>关键信息已保存。</translation>
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
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>数据看板</translation>
    </message>
    <message>
        <source>Territories</source>
        <translation>辖区</translation>
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
        <source>Sign out</source>
        <translation>退出登录</translation>
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
    <message>
        <source>S&amp;ettings…</source>
        <translation>设置(&amp;E)…</translation>
    </message>
    <message>
        <source>Master data</source>
        <translation>主数据</translation>
    </message>
    <message>
        <source>Duplicate HCPs</source>
        <translation>重复医生</translation>
    </message>
    <message>
        <source>Change requests</source>
        <translation>信息变更申请</translation>
    </message>
    <message>
        <source>Company settings</source>
        <translation>公司设置</translation>
    </message>
    <message>
        <source>Offline · %1</source>
        <translation>离线 · %1</translation>
    </message>
    <message>
        <source>The server cannot be reached. Your changes are kept on this computer and sent when it can; Rounds keeps trying.</source>
        <translation>无法连接服务器。您的更改保存在本机，能连接时即会发送；Rounds 会持续重试。</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting for your decision</source>
        <translation>
            <numerusform>%n 项待您决定</numerusform>
        </translation>
    </message>
    <message>
        <source>Rounds closes now and removes this computer&apos;s data for %1.</source>
        <translation>Rounds 即将关闭，并删除此电脑上 %1 的数据。</translation>
    </message>
    <message>
        <source>This computer was signed out by your company</source>
        <translation>贵公司已将此电脑退出登录</translation>
    </message>
    <message>
        <source>Rounds closes now. Ask your administrator if you need access again.</source>
        <translation>Rounds 即将关闭。如需重新获得访问权限，请联系管理员。</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>资料库</translation>
    </message>
    <message>
        <source>Materials</source>
        <translation>资料</translation>
    </message>
</context>
<context>
    <name>rounds::MasterDataView</name>
    <message>
        <source>Master data</source>
        <translation>主数据</translation>
    </message>
    <message>
        <source>HCPs and institutions: edit them, import them from CSV after a preview, export them.</source>
        <translation>医生和医院：编辑，预览后从 CSV 导入，导出。</translation>
    </message>
    <message>
        <source>HCPs</source>
        <translation>医生</translation>
    </message>
    <message>
        <source>Institutions</source>
        <translation>医院</translation>
    </message>
    <message>
        <source>Import and export</source>
        <translation>导入导出</translation>
    </message>
    <message>
        <source>Search by name, hospital or phone</source>
        <translation>按姓名、医院或电话搜索</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>分级</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>医院</translation>
    </message>
    <message>
        <source>Name *</source>
        <translation>姓名 *</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>职称</translation>
    </message>
    <message>
        <source>Specialty</source>
        <translation>科室专业</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>科室</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>New HCP</source>
        <translation>新建医生</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Search by name or city</source>
        <translation>按名称或城市搜索</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>省份</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>New institution</source>
        <translation>新建医院</translation>
    </message>
    <message>
        <source>Alignments</source>
        <translation>医生分配</translation>
    </message>
    <message>
        <source>Detect (UTF-8 or GBK)</source>
        <translation>自动识别（UTF-8 或 GBK）</translation>
    </message>
    <message>
        <source>Open CSV…</source>
        <translation>打开 CSV…</translation>
    </message>
    <message>
        <source>Import CSV</source>
        <translation>导入 CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV 文件 (*.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>导出 CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>File of</source>
        <translation>文件内容</translation>
    </message>
    <message>
        <source>Encoding</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Open a CSV file: its rows are checked and shown here before anything is imported.</source>
        <translation>打开一个 CSV 文件：导入前会先检查每一行并在此显示。</translation>
    </message>
    <message>
        <source>A new HCP.</source>
        <translation>新医生。</translation>
    </message>
    <message>
        <source>A new institution.</source>
        <translation>新医院。</translation>
    </message>
    <message>
        <source>Correct the fields marked in red.</source>
        <translation>请修改标红的字段。</translation>
    </message>
    <message>
        <source>Saved. It reaches the server at the next sync.</source>
        <translation>已保存，下次同步时发送到服务器。</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) are invalid or repeated: correct the file and open it again. Nothing is imported.</source>
        <translation>
            <numerusform>%n 行无效或重复：请修改文件后重新打开。未导入任何数据。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (%2): %n row(s) to import</source>
        <translation>
            <numerusform>%1（%2）：可导入 %n 行</numerusform>
        </translation>
    </message>
    <message>
        <source>Checked</source>
        <translation>已检查</translation>
    </message>
    <message numerus="yes">
        <source>, %n already there</source>
        <translation>
            <numerusform>，%n 行已存在</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>Imported: %1 HCPs, %2 institutions, %3 alignments. They reach the server at the next sync.</source>
        <translation>已导入：%1 位医生、%2 家医院、%3 条分配，下次同步时发送到服务器。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation>已导出到 %1。</translation>
    </message>
</context>
<context>
    <name>rounds::MaterialDialog</name>
    <message>
        <source>New material</source>
        <translation>新建资料</translation>
    </message>
    <message>
        <source>New version of “%1”</source>
        <translation>“%1”的新版本</translation>
    </message>
    <message>
        <source>A PDF or an image (PNG, JPEG)</source>
        <translation>PDF 或图片（PNG、JPEG）</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <source>Chinese (zh_CN)</source>
        <translation>中文 (zh_CN)</translation>
    </message>
    <message>
        <source>English (en)</source>
        <translation>英文 (en)</translation>
    </message>
    <message>
        <source>From</source>
        <translation>自</translation>
    </message>
    <message>
        <source>To</source>
        <translation>至</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Approval code</source>
        <translation>审批编号</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>有效期</translation>
    </message>
    <message>
        <source>Key messages by page (pick the product&apos;s or type a new one):</source>
        <translation>按页的关键信息（从产品的关键信息中选择，或输入新的）：</translation>
    </message>
    <message>
        <source>Choose the material&apos;s file</source>
        <translation>选择资料文件</translation>
    </message>
    <message>
        <source>PDF and images (*.pdf *.png *.jpg *.jpeg);;All files (*)</source>
        <translation>PDF 和图片 (*.pdf *.png *.jpg *.jpeg);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Cannot read %1.</source>
        <translation>无法读取 %1。</translation>
    </message>
    <message>
        <source>%1 is %2; the company&apos;s limit for a file is %3.</source>
        <translation>%1 大小为 %2；公司规定单个文件上限为 %3。</translation>
    </message>
    <message>
        <source>%1 is not a PDF that can be read (damaged, protected by a password or empty).</source>
        <translation>%1 不是可读取的 PDF（已损坏、有密码保护或为空）。</translation>
    </message>
    <message>
        <source>%1 is neither a PDF nor an image (PNG, JPEG).</source>
        <translation>%1 既不是 PDF 也不是图片（PNG、JPEG）。</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s), %1</source>
        <translation>
            <numerusform>%n 页，%1</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose the material&apos;s file (a PDF or an image).</source>
        <translation>请选择资料文件（PDF 或图片）。</translation>
    </message>
    <message>
        <source>Give the material a title.</source>
        <translation>请填写资料标题。</translation>
    </message>
    <message>
        <source>Pick the product the material is about (add products under Products and key messages).</source>
        <translation>请选择资料所属的产品（可在“产品与关键信息”中添加产品）。</translation>
    </message>
    <message>
        <source>“Valid to” lies before “valid from”.</source>
        <translation>“有效期至”早于“有效期自”。</translation>
    </message>
    <message>
        <source>The material was not saved: %1</source>
        <translation>资料未保存：%1</translation>
    </message>
</context>
<context>
    <name>rounds::MaterialsView</name>
    <message>
        <source>Materials</source>
        <translation>资料</translation>
    </message>
    <message>
        <source>Material</source>
        <translation>资料</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Valid to</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Keep on this computer</source>
        <translation>保留在本机</translation>
    </message>
    <message>
        <source>A pinned material is downloaded first and never removed from this computer.</source>
        <translation>固定的资料会优先下载，且不会从本机删除。</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Show the material outside a call; its page views count as a preview.</source>
        <translation>在拜访之外展示此资料；其页面浏览记为预览。</translation>
    </message>
    <message>
        <source>Withdrawn: may not be presented</source>
        <translation>已撤回：不可展示</translation>
    </message>
    <message>
        <source>Expired on %1: may not be presented</source>
        <translation>已于 %1 过期：不可展示</translation>
    </message>
    <message>
        <source>Expired: may not be presented</source>
        <translation>已过期：不可展示</translation>
    </message>
    <message>
        <source>Valid from %1</source>
        <translation>%1 起生效</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>On this computer</source>
        <translation>已在本机</translation>
    </message>
    <message>
        <source>Downloading %1 %</source>
        <translation>正在下载 %1%</translation>
    </message>
    <message>
        <source>Not downloaded</source>
        <translation>未下载</translation>
    </message>
    <message>
        <source>%1 · pinned</source>
        <translation>%1 · 已固定</translation>
    </message>
    <message>
        <source>The materials cannot be read: %1</source>
        <translation>无法读取资料：%1</translation>
    </message>
    <message>
        <source>No product</source>
        <translation>无产品</translation>
    </message>
    <message>
        <source>v%1</source>
        <translation>v%1</translation>
    </message>
    <message>
        <source>open</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>No materials yet. They arrive with the next sync once marketing approves them.</source>
        <translation>暂无资料。市场部批准后，资料会在下次同步时送达。</translation>
    </message>
    <message numerus="yes">
        <source>%n material(s) you may present</source>
        <translation>
            <numerusform>可展示的资料 %n 份</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n on this computer</source>
        <translation>
            <numerusform>本机已有 %n 份</numerusform>
        </translation>
    </message>
    <message>
        <source>The pin could not be saved: %1</source>
        <translation>无法保存固定设置：%1</translation>
    </message>
</context>
<context>
    <name>rounds::MeetingDecisionBanner</name>
    <message>
        <source>This meeting was approved, then sent back for a new decision because %1. It cannot be held until a manager approves it again.</source>
        <translation>本会议已获批准，但因%1被退回重新审批。经理再次批准前不能标记为已举办。</translation>
    </message>
    <message>
        <source>Manager&apos;s note: %1</source>
        <translation>经理意见：%1</translation>
    </message>
    <message>
        <source>Saved. Because %1, the meeting goes back to a manager for a new decision when it syncs.</source>
        <translation>已保存。由于%1，同步后会议将退回经理重新审批。</translation>
    </message>
</context>
<context>
    <name>rounds::MeetingEditor</name>
    <message>
        <source>Evidence for the expense</source>
        <translation>费用凭证</translation>
    </message>
    <message>
        <source>Receipts and invoices (*.pdf *.png *.jpg *.jpeg);;All files (*)</source>
        <translation>收据和发票 (*.pdf *.png *.jpg *.jpeg);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>会议</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>会议名称</translation>
    </message>
    <message>
        <source>Kind and mode</source>
        <translation>类型与形式</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>场地</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>预算</translation>
    </message>
    <message>
        <source>Territory</source>
        <translation>辖区</translation>
    </message>
    <message>
        <source>Attendees and speakers</source>
        <translation>参会人员与讲者</translation>
    </message>
    <message>
        <source>Add an HCP: type a name</source>
        <translation>添加医生：输入姓名</translation>
    </message>
    <message>
        <source>Name of a walk-in or colleague</source>
        <translation>临时参会者或同事姓名</translation>
    </message>
    <message>
        <source>Add walk-in</source>
        <translation>添加临时参会者</translation>
    </message>
    <message>
        <source>Add staff</source>
        <translation>添加公司员工</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>身份</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>劳务费</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>已签到</translation>
    </message>
    <message>
        <source>Expenses</source>
        <translation>费用</translation>
    </message>
    <message>
        <source>Add expense</source>
        <translation>添加费用</translation>
    </message>
    <message>
        <source>Attach evidence…</source>
        <translation>上传报销凭证…</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>凭证</translation>
    </message>
    <message>
        <source>Evidence files are kept on this computer next to your data; only their fingerprint (SHA-256) and name reach the server for now. The files themselves will sync in a later version.</source>
        <translation>凭证文件保存在本机数据旁；目前只有文件指纹（SHA-256）和文件名会同步到服务器，文件本身将在后续版本中同步。</translation>
    </message>
    <message>
        <source>Compliance</source>
        <translation>合规</translation>
    </message>
    <message>
        <source>Export report…</source>
        <translation>导出报告…</translation>
    </message>
    <message>
        <source>Cancel meeting</source>
        <translation>取消会议</translation>
    </message>
    <message>
        <source>Edit again</source>
        <translation>重新编辑</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Submit for approval</source>
        <translation>提交审批</translation>
    </message>
    <message>
        <source>Reject…</source>
        <translation>驳回…</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <source>Mark as held</source>
        <translation>标记为已召开</translation>
    </message>
    <message>
        <source>Close meeting</source>
        <translation>结案</translation>
    </message>
    <message>
        <source>Cancel this meeting? This cannot be undone.</source>
        <translation>确定取消这场会议吗？取消后无法恢复。</translation>
    </message>
    <message>
        <source>New meeting</source>
        <translation>新建会议</translation>
    </message>
    <message>
        <source>Meeting: %1</source>
        <translation>会议：%1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Type the name first</source>
        <translation>请先输入姓名</translation>
    </message>
    <message>
        <source>The evidence could not be kept: %1</source>
        <translation>无法保存凭证：%1</translation>
    </message>
    <message>
        <source>No rule is broken.</source>
        <translation>未违反任何合规规则。</translation>
    </message>
    <message>
        <source>%1 is blocked: %2</source>
        <translation>无法「%1」：%2</translation>
    </message>
    <message>
        <source>Total %1 of budget %2</source>
        <translation>合计 %1 / 预算 %2</translation>
    </message>
    <message>
        <source>Give the meeting a title.</source>
        <translation>请填写会议名称。</translation>
    </message>
    <message>
        <source>The meeting ends before it starts.</source>
        <translation>会议结束时间早于开始时间。</translation>
    </message>
    <message>
        <source>Choose the territory of the meeting.</source>
        <translation>请选择会议所属辖区。</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <source>Reject meeting</source>
        <translation>驳回会议</translation>
    </message>
    <message>
        <source>Why is it rejected? The rep reads this.</source>
        <translation>驳回原因是什么？代表会看到这条说明。</translation>
    </message>
    <message>
        <source>Transfers of value…</source>
        <translation>价值转移报告…</translation>
    </message>
    <message>
        <source>The chosen HCP&apos;s transfers of value this year, for transparency reporting</source>
        <translation>所选医生本年度的价值转移，用于透明度披露</translation>
    </message>
    <message>
        <source>History…</source>
        <translation>历史…</translation>
    </message>
    <message numerus="yes">
        <source>Counts %n signed-in attendee(s) of %1 planned.</source>
        <translation>
            <numerusform>按已签到的 %n 人计（计划 %1 人）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Counts %n planned attendee(s).</source>
        <translation>
            <numerusform>按计划参会的 %n 人计。</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel meeting…</source>
        <translation>取消会议…</translation>
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
    <name>rounds::MeetingsView</name>
    <message>
        <source>Meetings</source>
        <translation>会议</translation>
    </message>
    <message>
        <source>Academic and department meetings with their budget and attendees. Open one to plan it, record who came and what it cost, and move it through approval.</source>
        <translation>学术会议和科室会及其预算与参会人员。打开一场会议即可策划、记录签到与费用，并提交审批。</translation>
    </message>
    <message>
        <source>New meeting</source>
        <translation>新建会议</translation>
    </message>
    <message>
        <source>Waiting for your approval</source>
        <translation>待您审批</translation>
    </message>
    <message>
        <source>Starts at</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>会议名称</translation>
    </message>
    <message>
        <source>Rep</source>
        <translation>代表</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>预算</translation>
    </message>
    <message>
        <source>Attendees</source>
        <translation>参会人数</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <source>Reject…</source>
        <translation>驳回…</translation>
    </message>
    <message>
        <source>Reject meeting</source>
        <translation>驳回会议</translation>
    </message>
    <message>
        <source>Why is it rejected? The rep reads this.</source>
        <translation>驳回原因是什么？代表会看到这条说明。</translation>
    </message>
    <message>
        <source>Waiting for your approval (%1)</source>
        <translation>待您审批（%1）</translation>
    </message>
    <message>
        <source>Approve meeting</source>
        <translation>批准会议</translation>
    </message>
    <message>
        <source>This meeting cannot be approved as planned:
%1</source>
        <translation>这场会议按当前计划无法批准：
%1</translation>
    </message>
</context>
<context>
    <name>rounds::PasswordDialog</name>
    <message>
        <source>Reset password</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <source>A new password for %1. Every computer they use asks them to sign in again; their data there stays.</source>
        <translation>为 %1 设置新密码。其使用的每台电脑都会要求重新登录，电脑上的数据保留。</translation>
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
    <name>rounds::PersonalDataButton</name>
    <message>
        <source>Personal data</source>
        <translation>个人信息</translation>
    </message>
    <message>
        <source>Export personal data as &amp;JSON…</source>
        <translation>导出个人信息为 JSON(&amp;J)…</translation>
    </message>
    <message>
        <source>Export personal data as &amp;PDF (English)…</source>
        <translation>导出个人信息为 PDF（英文）(&amp;P)…</translation>
    </message>
    <message>
        <source>Export personal data as PDF (&amp;Chinese)…</source>
        <translation>导出个人信息为 PDF（中文）(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Erase personal data…</source>
        <translation>删除个人信息(&amp;E)…</translation>
    </message>
    <message>
        <source>Exporting or erasing an HCP&apos;s personal data asks the server: sign in first.</source>
        <translation>导出或删除医生个人信息需要连接服务器：请先登录。</translation>
    </message>
    <message>
        <source>Exporting or erasing an HCP&apos;s personal data asks the server, which cannot be reached now (offline).</source>
        <translation>导出或删除医生个人信息需要连接服务器，当前无法连接（离线）。</translation>
    </message>
    <message>
        <source>Waiting for the server…</source>
        <translation>正在等待服务器…</translation>
    </message>
    <message>
        <source>Data-subject requests: export everything held about this HCP, or erase their personal data.</source>
        <translation>个人信息主体请求：导出关于该医生的全部数据，或删除其个人信息。</translation>
    </message>
    <message>
        <source>Export personal data</source>
        <translation>导出个人信息</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON 文件 (*.json)</translation>
    </message>
    <message>
        <source>Asking the server for everything it holds about %1…</source>
        <translation>正在向服务器获取关于 %1 的全部数据…</translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
    <message>
        <source>The export could not be saved to %1: %2</source>
        <translation>导出无法保存到 %1：%2</translation>
    </message>
    <message>
        <source>Everything held about %1 was saved to %2 (readable by you only).</source>
        <translation>关于 %1 的全部数据已保存到 %2（仅您本人可读）。</translation>
    </message>
    <message>
        <source>Asking the server to erase the personal data of %1…</source>
        <translation>正在请求服务器删除 %1 的个人信息…</translation>
    </message>
    <message>
        <source>The personal data was not erased: %1</source>
        <translation>个人信息未删除：%1</translation>
    </message>
    <message>
        <source>This HCP was erased already; the request is recorded again.</source>
        <translation>该医生的个人信息此前已删除；本次请求已再次记录。</translation>
    </message>
    <message>
        <source>Personal data erased on the server; the HCP is now &quot;%1&quot;. Syncing so this computer shows it; other laptops receive it at their next sync.</source>
        <translation>服务器上的个人信息已删除，该医生现显示为“%1”。正在同步本机；其他电脑将在下次同步时更新。</translation>
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
    <message>
        <source>Previous week or month</source>
        <translation>上一周或上个月</translation>
    </message>
    <message>
        <source>Next week or month</source>
        <translation>下一周或下个月</translation>
    </message>
    <message>
        <source>Drag a visit to another day to move it.</source>
        <translation>将拜访拖到另一天即可改期。</translation>
    </message>
    <message>
        <source>In conflict: this plan was also changed on the server. Decide in Conflicts which change stays.</source>
        <translation>存在冲突：服务器上也修改了此计划。请在“冲突”中决定保留哪一项修改。</translation>
    </message>
    <message>
        <source>Your move of this plan conflicts with a change on the server; decide in Conflicts.</source>
        <translation>您对此计划的调整与服务器上的修改冲突，请在“冲突”中决定。</translation>
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
    <name>rounds::PresenterPicker</name>
    <message>
        <source>Present materials</source>
        <translation>演示资料</translation>
    </message>
    <message>
        <source>&amp;All products</source>
        <translation>所有产品(&amp;A)</translation>
    </message>
    <message>
        <source>Materials</source>
        <translation>资料</translation>
    </message>
    <message>
        <source>&amp;Present</source>
        <translation>演示(&amp;P)</translation>
    </message>
    <message>
        <source>Tick the materials to present, in the order shown. Only approved materials valid today are listed.</source>
        <translation>勾选要演示的资料，将按列表顺序演示。仅列出已批准且今天有效的资料。</translation>
    </message>
    <message>
        <source>Tick the materials to present for the products of this visit, in the order shown. Only approved materials valid today are listed.</source>
        <translation>勾选本次拜访产品的资料，将按列表顺序演示。仅列出已批准且今天有效的资料。</translation>
    </message>
    <message>
        <source>version %1</source>
        <translation>第 %1 版</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n 页</numerusform>
        </translation>
    </message>
    <message>
        <source>not downloaded yet</source>
        <translation>尚未下载</translation>
    </message>
    <message>
        <source>Not on this computer yet: it will be downloaded when you are online.</source>
        <translation>尚未保存在本机：联网后将自动下载。</translation>
    </message>
    <message>
        <source>No material may be presented today.</source>
        <translation>今天没有可演示的资料。</translation>
    </message>
    <message>
        <source>No material may be presented today for the products of this visit. Tick “All products” to see the others.</source>
        <translation>今天没有本次拜访产品的可演示资料。勾选“所有产品”可查看其他资料。</translation>
    </message>
</context>
<context>
    <name>rounds::PresenterWindow</name>
    <message>
        <source>Presenting</source>
        <translation>演示中</translation>
    </message>
    <message>
        <source>This material cannot be read: %1</source>
        <translation>无法读取此资料：%1</translation>
    </message>
    <message>
        <source>“%1” has expired and may no longer be presented.</source>
        <translation>“%1”已过期，不能再演示。</translation>
    </message>
    <message>
        <source>“%1” was withdrawn and may no longer be presented.</source>
        <translation>“%1”已撤回，不能再演示。</translation>
    </message>
    <message>
        <source>“%1” may not be presented before %2.</source>
        <translation>“%1”在 %2 之前不能演示。</translation>
    </message>
    <message>
        <source>“%1” is not approved and may not be presented.</source>
        <translation>“%1”尚未批准，不能演示。</translation>
    </message>
    <message>
        <source>Opening “%1”…</source>
        <translation>正在打开“%1”…</translation>
    </message>
    <message>
        <source>“%1” is not downloaded yet. It will be fetched as soon as this computer is online.</source>
        <translation>“%1”尚未下载。本机联网后将立即获取。</translation>
    </message>
    <message>
        <source>“%1” is not downloaded yet: the copy on this computer is damaged. It will be fetched again.</source>
        <translation>“%1”尚未下载：本机上的副本已损坏，将重新获取。</translation>
    </message>
    <message>
        <source>“%1” could not be opened.</source>
        <translation>无法打开“%1”。</translation>
    </message>
    <message>
        <source>This page could not be shown</source>
        <translation>此页无法显示</translation>
    </message>
    <message>
        <source>Material</source>
        <translation>资料</translation>
    </message>
    <message>
        <source>material %1 of %2</source>
        <translation>第 %1 份资料，共 %2 份</translation>
    </message>
    <message>
        <source>page %1 of %2</source>
        <translation>第 %1 页，共 %2 页</translation>
    </message>
    <message>
        <source>1 / 2 / 3: reaction  ·  Esc: leave</source>
        <translation>1 / 2 / 3：反应  ·  Esc：退出</translation>
    </message>
</context>
<context>
    <name>rounds::PrivacySettingsForm</name>
    <message>
        <source>Privacy and consent</source>
        <translation>隐私与授权同意</translation>
    </message>
    <message>
        <source>Visits, messages and invitations need the HCP&apos;s consent</source>
        <translation>拜访、消息和邀请须先获得医生的授权同意</translation>
    </message>
    <message>
        <source>Off: only an HCP who withdrew consent is refused. On: a missing or expired consent is refused too (the laptop warns offline, the server refuses).</source>
        <translation>关闭：只拒绝已撤回同意的医生。开启：缺少或已过期的同意也会被拒绝（电脑离线时提醒，服务器拒绝）。</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>授权同意</translation>
    </message>
    <message>
        <source>A consent lasts (days)</source>
        <translation>同意有效期（天）</translation>
    </message>
    <message>
        <source>Warn before it ends (days)</source>
        <translation>到期前提醒（天）</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Server keeps the audit trail (days)</source>
        <translation>服务器保留审计记录（天）</translation>
    </message>
    <message>
        <source>Server keeps deletions (days)</source>
        <translation>服务器保留删除记录（天）</translation>
    </message>
    <message>
        <source>Server keeps push answers (days)</source>
        <translation>服务器保留推送应答（天）</translation>
    </message>
    <message>
        <source>Save privacy settings</source>
        <translation>保存隐私设置</translation>
    </message>
    <message>
        <source>A whole number of days from %1 to %2.</source>
        <translation>%1 至 %2 之间的整数天数。</translation>
    </message>
    <message>
        <source>%1: enter a whole number of days from %2 to %3.</source>
        <translation>%1：请输入 %2 至 %3 之间的整数天数。</translation>
    </message>
    <message>
        <source>Nothing changed.</source>
        <translation>没有任何更改。</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <source>Saved. It reaches the server and every user at the next sync.</source>
        <translation>已保存，下次同步时发送到服务器并送达每位用户。</translation>
    </message>
    <message>
        <source>Days offline before signing in again</source>
        <translation>离线多少天后须重新登录</translation>
    </message>
    <message>
        <source>Contact fields on reps&apos; laptops</source>
        <translation>代表电脑上的联系方式</translation>
    </message>
    <message>
        <source>Contact fields on managers&apos; laptops</source>
        <translation>经理电脑上的联系方式</translation>
    </message>
</context>
<context>
    <name>rounds::ProductsDialog</name>
    <message>
        <source>%1 (inactive)</source>
        <translation>%1（已停用）</translation>
    </message>
    <message>
        <source>Products and key messages</source>
        <translation>产品与关键信息</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Key messages of the selected product</source>
        <translation>所选产品的关键信息</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <source>Deactivate / activate</source>
        <translation>停用 / 启用</translation>
    </message>
    <message>
        <source>A product or key message that is no longer used is deactivated, not deleted: visits and materials keep naming it.</source>
        <translation>不再使用的产品或关键信息会被停用而不是删除：拜访和资料仍会引用它。</translation>
    </message>
    <message>
        <source>New product</source>
        <translation>新产品</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>The product was not added: %1</source>
        <translation>产品未添加：%1</translation>
    </message>
    <message>
        <source>Rename product</source>
        <translation>重命名产品</translation>
    </message>
    <message>
        <source>The product was not renamed: %1</source>
        <translation>产品未重命名：%1</translation>
    </message>
    <message>
        <source>Select the product first.</source>
        <translation>请先选择产品。</translation>
    </message>
    <message>
        <source>New key message</source>
        <translation>新关键信息</translation>
    </message>
    <message>
        <source>Text:</source>
        <translation>内容：</translation>
    </message>
    <message>
        <source>The key message was not added: %1</source>
        <translation>关键信息未添加：%1</translation>
    </message>
    <message>
        <source>Change key message</source>
        <translation>修改关键信息</translation>
    </message>
    <message>
        <source>The key message was not changed: %1</source>
        <translation>关键信息未修改：%1</translation>
    </message>
</context>
<context>
    <name>rounds::ReceiptOpener</name>
    <message>
        <source>Open receipt</source>
        <translation>打开票据</translation>
    </message>
    <message>
        <source>Downloading the receipt… %1 %</source>
        <translation>正在下载票据… %1%</translation>
    </message>
    <message>
        <source>The server cannot be reached: the receipt opens once it can.</source>
        <translation>无法连接服务器：连接恢复后将打开票据。</translation>
    </message>
    <message>
        <source>The server has no such receipt for you: it may not be uploaded yet.</source>
        <translation>服务器上没有您可查看的此票据：可能尚未上传。</translation>
    </message>
    <message>
        <source>The receipt could not be downloaded: %1</source>
        <translation>票据下载失败：%1</translation>
    </message>
    <message>
        <source>No program on this computer opens %1.</source>
        <translation>本机没有可打开 %1 的程序。</translation>
    </message>
    <message>
        <source>This expense has no receipt.</source>
        <translation>此费用没有票据。</translation>
    </message>
    <message>
        <source>You are offline: the receipt is not on this computer and opens once the server can be reached.</source>
        <translation>您当前离线：本机没有此票据，连接服务器后即可打开。</translation>
    </message>
    <message>
        <source>Downloading the receipt…</source>
        <translation>正在下载票据…</translation>
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
    <message numerus="yes">
        <source>%1 has not reached the server for more than %n day(s): sign in with your password to open its data.</source>
        <translation>
            <numerusform>%1 已超过 %n 天未连接服务器：请输入密码登录后再打开数据。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rounds::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <source>Compliance rules</source>
        <translation>合规规则</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>仪表板</translation>
    </message>
    <message>
        <source>Diagnostics</source>
        <translation>诊断</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>The new language is used the next time you start Rounds.</source>
        <translation>新的语言将在下次启动 Rounds 时生效。</translation>
    </message>
    <message>
        <source>System default (%1)</source>
        <translation>跟随系统（%1）</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>Takes effect the next time Rounds starts. Dates, numbers and money follow the language&apos;s conventions.</source>
        <translation>下次启动 Rounds 时生效。日期、数字和金额按该语言的习惯显示。</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Only when asked</source>
        <translation>仅手动同步</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>服务器：</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>用户：</translation>
    </message>
    <message>
        <source>To use another server or account, sign out and sign in again. Your local data stays on this computer.</source>
        <translation>如需使用其他服务器或账号，请先退出再重新登录。本地数据会保留在这台电脑上。</translation>
    </message>
    <message>
        <source>&amp;Sync automatically every:</source>
        <translation>自动同步间隔(&amp;S)：</translation>
    </message>
    <message>
        <source>Rounds also syncs shortly after you save, when the network comes back, and when you press F5.</source>
        <translation>保存后、网络恢复时以及按 F5 时，Rounds 也会同步。</translation>
    </message>
    <message>
        <source>Last sync:</source>
        <translation>上次同步：</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>When broken</source>
        <translation>违反时</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>限额</translation>
    </message>
    <message>
        <source>The rules your company applies to meetings. Your administrator sets them on the server; they reach this computer with every sync and are checked here while you type, even offline.</source>
        <translation>公司对会议适用的合规规则。由管理员在服务器上设置，每次同步后到达本机；即使离线，填写时也会在本机检查。</translation>
    </message>
    <message>
        <source>Not checked</source>
        <translation>不检查</translation>
    </message>
    <message>
        <source>Warns</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source>Blocks</source>
        <translation>禁止</translation>
    </message>
    <message>
        <source>Catering per attendee</source>
        <translation>人均餐饮费</translation>
    </message>
    <message>
        <source>Speaker fee by the speaker&apos;s tier</source>
        <translation>按讲者级别的讲课费</translation>
    </message>
    <message>
        <source>A %1 · B %2 · C/D %3</source>
        <translation>A 级 %1 · B 级 %2 · C/D 级 %3</translation>
    </message>
    <message>
        <source>Company staff among the attendees</source>
        <translation>参会者中的公司员工比例</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>At least one signed-in attendee before the meeting is held</source>
        <translation>会议举办前至少有一位参会者签到</translation>
    </message>
    <message>
        <source>Evidence for every expense before the meeting is closed</source>
        <translation>会议结案前每笔费用都需有报销凭证</translation>
    </message>
    <message>
        <source>Transfers of value to one HCP in a calendar year</source>
        <translation>每位医生每年接受的利益转移</translation>
    </message>
    <message>
        <source>Actual spend over the budget (a manager approves again)</source>
        <translation>实际花费超出预算（需经理重新审批）</translation>
    </message>
    <message>
        <source>budget + %1%</source>
        <translation>预算 + %1%</translation>
    </message>
    <message>
        <source>&amp;First product:</source>
        <translation>第一个产品(&amp;F)：</translation>
    </message>
    <message>
        <source>S&amp;econd product:</source>
        <translation>第二个产品(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Later products:</source>
        <translation>之后的产品(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Export diagnostics…</source>
        <translation>导出诊断信息(&amp;E)…</translation>
    </message>
    <message>
        <source>When support asks for diagnostics, export this file and attach it to your ticket. It holds the versions, the sync state (how many changes wait, refusals, conflicts) and Rounds&apos; log files — no doctor, visit or meeting data.</source>
        <translation>技术支持需要诊断信息时，请导出此文件并附在工单中。文件包含版本信息、同步状态（待上传的修改、被拒绝的修改、冲突）和 Rounds 的日志，不含任何医生、拜访或会议数据。</translation>
    </message>
    <message>
        <source>Export diagnostics</source>
        <translation>导出诊断信息</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON 文件 (*.json)</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>已保存到 %1</translation>
    </message>
    <message>
        <source>&amp;Use the company&apos;s weights</source>
        <translation>使用公司的权重(&amp;U)</translation>
    </message>
    <message>
        <source>Your company&apos;s weights: first %1, second %2, later %3.</source>
        <translation>公司的权重：第一个产品 %1，第二个产品 %2，其后的产品 %3。</translation>
    </message>
    <message>
        <source>How much a product counts in the product detail share by its position in a visit. Your administrator sets the company&apos;s weights; you may choose your own for your dashboard on this computer.</source>
        <translation>产品在一次拜访中的讲解顺序决定其在产品讲解占比中的权重。公司的权重由管理员设定；您也可以为本机上的仪表板选择自己的权重。</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>&amp;Check for others&apos; changes every:</source>
        <translation>检查他人更改的间隔(&amp;C)：</translation>
    </message>
    <message>
        <source>While Rounds is the active window, so that a manager&apos;s decision reaches you within seconds; six times less often behind other windows, and not while offline.</source>
        <translation>在 Rounds 为当前窗口时检查，经理的审批几秒内即可送达；窗口在其他窗口之后时频率降为六分之一，离线时不检查。</translation>
    </message>
    <message>
        <source>System</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>&amp;Appearance:</source>
        <translation>外观(&amp;A)：</translation>
    </message>
    <message>
        <source>System follows the desktop&apos;s colours; Light and Dark use Rounds&apos; own. Applies as soon as you press OK.</source>
        <translation>“跟随系统”使用桌面的配色；“浅色”和“深色”使用 Rounds 自己的配色。按“确定”后立即生效。</translation>
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
    <message>
        <source>Welcome to Rounds</source>
        <translation>欢迎使用 Rounds</translation>
    </message>
    <message>
        <source>Sign in once with the server address, user name and password your company gave you; the password is not kept, and the sign-in is remembered in your system&apos;s keychain.</source>
        <translation>用公司提供的服务器地址、用户名和密码登录一次即可；密码不会被保存，登录状态保存在系统的密钥环中。</translation>
    </message>
    <message>
        <source>After that, everything works without a network: log visits, plan your week and record meetings in a hospital basement or on a train, and each record is saved on this computer the moment you save it.</source>
        <translation>之后，即使没有网络也能正常使用：在医院地下室或火车上也可以记录拜访、安排一周计划、登记会议，每条记录在保存的那一刻就已存到这台电脑上。</translation>
    </message>
    <message>
        <source>Whenever the server can be reached, Rounds syncs by itself and shows anything that needs your decision, so nothing you typed is ever lost.</source>
        <translation>只要能连上服务器，Rounds 就会自动同步，并提示需要你处理的事项，你输入的内容绝不会丢失。</translation>
    </message>
</context>
<context>
    <name>rounds::SignOutDialog</name>
    <message>
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <source>Sign out of %1? You sign in again to sync.</source>
        <translation>要退出 %1 吗？再次登录后才能同步。</translation>
    </message>
    <message>
        <source>Also remove this computer&apos;s Rounds data for %1 (the database and the saved sign-in)</source>
        <translation>同时删除此电脑上 %1 的 Rounds 数据（数据库和保存的登录信息）</translation>
    </message>
    <message>
        <source>Remove data and sign out</source>
        <translation>删除数据并退出登录</translation>
    </message>
    <message>
        <source>Sending your changes…</source>
        <translation>正在发送您的更改…</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) made on this computer have not reached the server (it cannot be reached, or refused them). Removing the data deletes them for good.</source>
        <translation>
            <numerusform>此电脑上有 %n 项更改尚未送达服务器（服务器无法连接或拒绝了这些更改）。删除数据将永久删除这些更改。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete the %n unsent change(s) too</source>
        <translation>
            <numerusform>同时删除这 %n 项未发送的更改</numerusform>
        </translation>
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
    <message>
        <source>Could not rebuild the indexes of the local database: %1</source>
        <translation>无法重建本地数据库的索引：%1</translation>
    </message>
    <message>
        <source>No local database is open.</source>
        <translation>没有打开本地数据库。</translation>
    </message>
    <message>
        <source>Your role does not make this kind of change; the server would refuse it, so nothing was saved.</source>
        <translation>您的角色不能进行此类修改，服务器会拒绝，因此未保存任何内容。</translation>
    </message>
    <message>
        <source>Your role does not start new records of this kind; nothing was saved.</source>
        <translation>您的角色不能新建此类记录，未保存任何内容。</translation>
    </message>
    <message>
        <source>You file new requests; changing or withdrawing one is for SFE. Nothing was saved.</source>
        <translation>您只能提交新的申请，修改或撤回申请由 SFE 处理。未保存任何内容。</translation>
    </message>
    <message>
        <source>You change only your own records; this one is another user&apos;s. Nothing was saved.</source>
        <translation>您只能修改自己的记录，这条属于其他用户。未保存任何内容。</translation>
    </message>
    <message>
        <source>This belongs to another user&apos;s record; nothing was saved.</source>
        <translation>这属于其他用户的记录，未保存任何内容。</translation>
    </message>
    <message>
        <source>Only SFE decides a request; you file it open. Nothing was saved.</source>
        <translation>申请只能由 SFE 审批，您提交时须为待处理状态。未保存任何内容。</translation>
    </message>
    <message>
        <source>The local database %1 is being encrypted by another Rounds program. Try again when it has finished.</source>
        <translation>另一个 Rounds 程序正在加密本地数据库 %1。请在其完成后重试。</translation>
    </message>
    <message>
        <source>The local database %1 could not be prepared for encryption. Close other programs using it and start Rounds again.</source>
        <translation>无法为加密准备本地数据库 %1。请关闭正在使用它的其他程序，然后重新启动 Rounds。</translation>
    </message>
    <message>
        <source>The local database %1 could not be encrypted: %2</source>
        <translation>无法加密本地数据库 %1：%2</translation>
    </message>
    <message>
        <source>The encrypted copy of the local database %1 could not be written to the disk.</source>
        <translation>无法将本地数据库 %1 的加密副本写入磁盘。</translation>
    </message>
    <message>
        <source>The encrypted copy of the local database %1 could not take its place: %2</source>
        <translation>本地数据库 %1 的加密副本无法替换原文件：%2</translation>
    </message>
    <message>
        <source>The local database %1 is damaged.</source>
        <translation>本地数据库 %1 已损坏。</translation>
    </message>
    <message>
        <source>it could not be encrypted</source>
        <translation>无法加密</translation>
    </message>
    <message>
        <source>Cannot open the local database %1. %2 Rounds keeps the database encrypted with a key in the system keychain; unlock or start the keychain (GNOME Keyring, KWallet) and open Rounds again.</source>
        <translation>无法打开本地数据库 %1。%2 Rounds 用系统密钥环中的密钥加密数据库；请解锁或启动密钥环（GNOME Keyring、KWallet）后重新打开 Rounds。</translation>
    </message>
    <message>
        <source>The local database %1 is encrypted, and its key is not in the system keychain (the entry was removed, or the file comes from another computer or user account). The file was not changed. Move it away, or sign out, and sign in again: the server sends your data again; changes not yet sent in that file cannot be read without its key.</source>
        <translation>本地数据库 %1 已加密，但系统密钥环中没有它的密钥（该条目已被删除，或文件来自另一台电脑或另一个用户账户）。文件未作任何改动。请将它移走或退出登录，然后重新登录：服务器会重新发送您的数据；该文件中尚未发送的更改没有密钥无法读取。</translation>
    </message>
    <message>
        <source>No refused change %1.</source>
        <translation>没有被拒绝的更改 %1。</translation>
    </message>
    <message>
        <source>The local database %1 cannot be read with the key in the system keychain (the key belongs to another file, or the file is damaged). The file was not changed. Move it away, or sign out, and sign in again: the server sends your data again.</source>
        <translation>无法用系统密钥环中的密钥读取本地数据库 %1（该密钥属于另一个文件，或文件已损坏）。文件未作任何改动。请将它移走或退出登录，然后重新登录：服务器会重新发送您的数据。</translation>
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
    <message>
        <source>The local database could not store the user&apos;s role.</source>
        <translation>本地数据库无法保存该用户的角色。</translation>
    </message>
</context>
<context>
    <name>rounds::TerritoryView</name>
    <message>
        <source>Territory</source>
        <translation>辖区</translation>
    </message>
    <message>
        <source>Territories</source>
        <translation>辖区</translation>
    </message>
    <message>
        <source>Shape the territory tree, align HCPs to territories with their call targets, and compare the workload of a district. Every change is sent to the server at the next sync.</source>
        <translation>调整辖区结构，为辖区分配医生并设定拜访目标，比较同一地区各辖区的工作量。所有修改在下次同步时发送到服务器。</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>层级</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>新建…</translation>
    </message>
    <message>
        <source>A region at the top, or a child of the selected region or district</source>
        <translation>在顶层新建大区，或在所选大区、地区下新建下级</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <source>Move to…</source>
        <translation>移至…</translation>
    </message>
    <message>
        <source>Retire</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Alignments</source>
        <translation>医生分配</translation>
    </message>
    <message>
        <source>Workload</source>
        <translation>工作量</translation>
    </message>
    <message>
        <source>In conflict with a change made elsewhere: see Conflicts.</source>
        <translation>与其他人的修改冲突：请查看“冲突”。</translation>
    </message>
    <message>
        <source>Waiting to be sent to the server.</source>
        <translation>等待发送到服务器。</translation>
    </message>
    <message>
        <source>Retired.</source>
        <translation>已停用。</translation>
    </message>
    <message>
        <source>(no owner)</source>
        <translation>（无负责人）</translation>
    </message>
    <message>
        <source>Saved. It reaches the server at the next sync.</source>
        <translation>已保存，下次同步时发送到服务器。</translation>
    </message>
    <message>
        <source>New %1</source>
        <translation>新建%1</translation>
    </message>
    <message>
        <source>Code (e.g. SH-04)</source>
        <translation>编码（如 SH-04）</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>重命名</translation>
    </message>
    <message>
        <source>Nowhere else to go</source>
        <translation>没有可移至的位置</translation>
    </message>
    <message>
        <source>Retire %1? Its history stays; it takes no new alignments.</source>
        <translation>停用 %1？历史记录保留，不再接受新的医生分配。</translation>
    </message>
    <message>
        <source>History…</source>
        <translation>历史…</translation>
    </message>
    <message>
        <source>Alignment history…</source>
        <translation>关联历史…</translation>
    </message>
    <message>
        <source>an alignment</source>
        <translation>一条关联</translation>
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
    <message>
        <source>Double-click a planned visit or an HCP to open the profile.</source>
        <translation>双击计划拜访或医生即可打开医生档案。</translation>
    </message>
    <message>
        <source>Consent expiring soon</source>
        <translation>即将到期的授权同意</translation>
    </message>
    <message>
        <source>No consent expires soon.</source>
        <translation>近期没有到期的授权同意。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message numerus="yes">
        <source>%1, %2 and %n more</source>
        <translation>
            <numerusform>%1、%2 等另 %n 项</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — ends %2
%3</source>
        <translation>%1 — %2 到期
%3</translation>
    </message>
</context>
<context>
    <name>rounds::UserFormDialog</name>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <source>New user</source>
        <translation>新建用户</translation>
    </message>
    <message>
        <source>Change role and territory</source>
        <translation>更改角色和辖区</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>登录名</translation>
    </message>
    <message>
        <source>As colleagues see it, e.g. 张伟</source>
        <translation>同事看到的名字，例如 张伟</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>None (SFE and administrators)</source>
        <translation>无（SFE 和管理员）</translation>
    </message>
    <message>
        <source>Home territory</source>
        <translation>所属辖区</translation>
    </message>
    <message>
        <source>Initial password</source>
        <translation>初始密码</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <source>Representatives name their territory, managers their district. Tell the user the initial password in person; they sign in with it.</source>
        <translation>医药代表选择其辖区，地区经理选择其地区。请当面告知用户初始密码，用户用它登录。</translation>
    </message>
    <message>
        <source>The user&apos;s laptops follow at their next sync: they drop what the new role may not hold and receive what it may.</source>
        <translation>用户的电脑在下次同步时随之更新：删除新角色不能持有的数据，并接收其可以持有的数据。</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
</context>
<context>
    <name>rounds::UserListModel</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>登录名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Home territory</source>
        <translation>所属辖区</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>设备数</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>最近连接</translation>
    </message>
</context>
<context>
    <name>rounds::UsersView</name>
    <message>
        <source>Never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Filter by name, login, role or territory</source>
        <translation>按姓名、登录名、角色或辖区筛选</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>New user…</source>
        <translation>新建用户…</translation>
    </message>
    <message>
        <source>Change role and territory…</source>
        <translation>更改角色和辖区…</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>重置密码…</translation>
    </message>
    <message>
        <source>Disable…</source>
        <translation>停用…</translation>
    </message>
    <message>
        <source>Revoke device…</source>
        <translation>吊销设备…</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>First seen</source>
        <translation>首次连接</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>最近连接</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>已吊销</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Everyone who signs in to Rounds, and the computers they use. Changes go to the server at once, so this page needs a connection.</source>
        <translation>所有登录 Rounds 的用户及其使用的电脑。更改会立即发送到服务器，因此本页需要联网。</translation>
    </message>
    <message>
        <source>Reading the users from the server…</source>
        <translation>正在从服务器读取用户…</translation>
    </message>
    <message>
        <source>%1 was created. Tell them their login and initial password.</source>
        <translation>已创建 %1。请告知其登录名和初始密码。</translation>
    </message>
    <message>
        <source>%1 now works as %2.</source>
        <translation>%1 的角色已改为%2。</translation>
    </message>
    <message>
        <source>%1 is disabled; their computers delete their Rounds data at their next contact.</source>
        <translation>%1 已停用；其电脑在下次连接时会删除 Rounds 数据。</translation>
    </message>
    <message>
        <source>%1 may sign in again.</source>
        <translation>%1 可以重新登录了。</translation>
    </message>
    <message>
        <source>%1 has a new password and signs in again on every computer.</source>
        <translation>%1 的密码已重置，需要在每台电脑上重新登录。</translation>
    </message>
    <message>
        <source>The device is revoked; it deletes its Rounds data at its next contact.</source>
        <translation>设备已吊销；它会在下次连接时删除 Rounds 数据。</translation>
    </message>
    <message numerus="yes">
        <source>%n user(s).</source>
        <translation>
            <numerusform>共 %n 个用户。</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a user to see their devices.</source>
        <translation>选择一个用户以查看其设备。</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Device id %1</source>
        <translation>设备 ID %1</translation>
    </message>
    <message>
        <source>Sign in to manage users: users and devices live on the server, so this page works online only.</source>
        <translation>请先登录再管理用户：用户和设备保存在服务器上，本页只能在线使用。</translation>
    </message>
    <message>
        <source>Offline: users and devices live on the server, so they can be changed only while Rounds reaches it. Nothing was changed.</source>
        <translation>离线：用户和设备保存在服务器上，只有连上服务器时才能更改。未做任何更改。</translation>
    </message>
    <message>
        <source>Disable %1? They can no longer sign in, and every computer they use deletes its Rounds data at its next contact. Changes they have not sent are lost.</source>
        <translation>停用 %1？其将无法登录，其使用的每台电脑在下次连接时都会删除 Rounds 数据，尚未发送的更改将丢失。</translation>
    </message>
    <message>
        <source>Disable user</source>
        <translation>停用用户</translation>
    </message>
    <message>
        <source>Revoke device</source>
        <translation>吊销设备</translation>
    </message>
    <message>
        <source>Why? The user reads this on that computer (e.g. &quot;laptop reported lost&quot;).</source>
        <translation>原因？用户会在那台电脑上看到这段文字（例如“笔记本已报失”）。</translation>
    </message>
    <message>
        <source>Revoke %1 of %2? At its next contact it deletes its Rounds data and sign-in; changes not yet sent from it are lost. Their other computers go on working.</source>
        <translation>吊销 %2 的设备 %1？它下次连接时会删除 Rounds 数据和登录信息，尚未从它发送的更改将丢失。其其他电脑照常使用。</translation>
    </message>
</context>
<context>
    <name>rounds::VisitBriefingPane</name>
    <message>
        <source>Last visit</source>
        <translation>最近拜访</translation>
    </message>
    <message>
        <source>No earlier visit to this HCP.</source>
        <translation>此前没有拜访过这位医生。</translation>
    </message>
    <message>
        <source>Feedback: none recorded.</source>
        <translation>反馈：未记录。</translation>
    </message>
    <message>
        <source>Feedback: %1</source>
        <translation>反馈：%1</translation>
    </message>
    <message>
        <source>Open follow-ups: none.</source>
        <translation>待跟进事项：无。</translation>
    </message>
    <message>
        <source>• %1</source>
        <translation>• %1</translation>
    </message>
    <message>
        <source>• %1 (was due %2: overdue)</source>
        <translation>• %1（应于 %2 完成，已逾期）</translation>
    </message>
    <message>
        <source>• %1 (due %2)</source>
        <translation>• %1（%2 前完成）</translation>
    </message>
    <message>
        <source>Open follow-ups:</source>
        <translation>待跟进事项：</translation>
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
        <source>due</source>
        <translation>截止</translation>
    </message>
    <message>
        <source>&amp;Channel:</source>
        <translation>拜访方式(&amp;C)：</translation>
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
    <message>
        <source>Du&amp;ration:</source>
        <translation>时长(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Time:</source>
        <translation>时间(&amp;T)：</translation>
    </message>
    <message>
        <source>Pr&amp;oducts:</source>
        <translation>产品(&amp;O)：</translation>
    </message>
    <message>
        <source>Follow-u&amp;p:</source>
        <translation>后续跟进(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation>历史(&amp;H)…</translation>
    </message>
    <message>
        <source>Choose the key message</source>
        <translation>请选择关键信息</translation>
    </message>
    <message>
        <source>Pres&amp;ent…</source>
        <translation>演示(&amp;E)…</translation>
    </message>
    <message>
        <source>Show materials of these products full screen; the pages viewed propose details</source>
        <translation>全屏演示这些产品的资料；浏览过的页面将生成建议的拜访详情</translation>
    </message>
    <message>
        <source>Proposed from the pages presented: change or remove it before saving.</source>
        <translation>根据演示过的页面建议：保存前可修改或删除。</translation>
    </message>
    <message>
        <source>Also shown: %1</source>
        <translation>另外展示：%1</translation>
    </message>
    <message>
        <source>Proposed</source>
        <translation>建议</translation>
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
<context>
    <name>rounds::WorkloadView</name>
    <message>
        <source>Territory</source>
        <translation>辖区</translation>
    </message>
    <message>
        <source>HCPs</source>
        <translation>医生</translation>
    </message>
    <message>
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <source>B</source>
        <translation>B</translation>
    </message>
    <message>
        <source>C</source>
        <translation>C</translation>
    </message>
    <message>
        <source>D</source>
        <translation>D</translation>
    </message>
    <message>
        <source>Target calls</source>
        <translation>目标拜访次数</translation>
    </message>
    <message>
        <source>Call (min)</source>
        <translation>单次拜访(分钟)</translation>
    </message>
    <message>
        <source>Institutions</source>
        <translation>医院</translation>
    </message>
    <message>
        <source>Travel (min)</source>
        <translation>路程(分钟)</translation>
    </message>
    <message>
        <source>Workload (h)</source>
        <translation>工作量(小时)</translation>
    </message>
    <message>
        <source>vs. mean</source>
        <translation>与平均相比</translation>
    </message>
    <message>
        <source>Choose a district or one of its territories to compare their workload.</source>
        <translation>选择一个地区或其下的辖区，比较各辖区的工作量。</translation>
    </message>
    <message>
        <source>Workload of the territories of %1 %2</source>
        <translation>%1 %2 下各辖区的工作量</translation>
    </message>
    <message>
        <source>No visit with a duration yet: the default call time is used.</source>
        <translation>尚无记录时长的拜访：使用默认拜访时长。</translation>
    </message>
    <message>
        <source>More than 20 % above the district mean: consider moving HCPs out.</source>
        <translation>高于地区平均 20% 以上：建议调出部分医生。</translation>
    </message>
    <message>
        <source>More than 20 % below the district mean: room for more HCPs.</source>
        <translation>低于地区平均 20% 以上：可以再分配医生。</translation>
    </message>
    <message>
        <source>Workload = target calls per cycle × average call time (the territory&apos;s submitted visits, %1 min when there are none) + %2 min of travel per institution. Highlighted: more than 20 % above (red) or below (blue) the district mean.</source>
        <translation>工作量 = 每周期目标拜访次数 × 平均拜访时长（按该辖区已提交的拜访计算，没有时按 %1 分钟）+ 每家医院 %2 分钟路程。高于地区平均 20% 以上标红，低于 20% 以上标蓝。</translation>
    </message>
</context>
<context>
    <name>rounds::compliance</name>
    <message>
        <source>Catering per attendee</source>
        <translation>人均餐费</translation>
    </message>
    <message>
        <source>Speaker fee by tier</source>
        <translation>按医生级别的讲课费上限</translation>
    </message>
    <message>
        <source>Company staff share</source>
        <translation>公司员工占比</translation>
    </message>
    <message>
        <source>Sign-in before held</source>
        <translation>召开前须有签到</translation>
    </message>
    <message>
        <source>Evidence before closing</source>
        <translation>结案前须有凭证</translation>
    </message>
    <message>
        <source>Yearly transfers of value per HCP</source>
        <translation>每位医生年度价值转移</translation>
    </message>
    <message>
        <source>Spend against budget</source>
        <translation>费用与预算</translation>
    </message>
    <message>
        <source>Catering is %1 CNY per attendee, above the cap of %2 CNY.</source>
        <translation>人均餐费 %1 元，超过上限 %2 元。</translation>
    </message>
    <message>
        <source>The fee for %1 is %2 CNY, above the cap of %3 CNY for their tier.</source>
        <translation>%1 的劳务费为 %2 元，超过其级别上限 %3 元。</translation>
    </message>
    <message>
        <source>%1 company staff attend; at most %2 are allowed (share of attendees).</source>
        <translation>公司员工 %1 人参会，按参会人数比例最多允许 %2 人。</translation>
    </message>
    <message>
        <source>No attendee has signed in; a meeting is held only with at least one.</source>
        <translation>尚无参会者签到；至少一人签到后会议才能标记为已召开。</translation>
    </message>
    <message>
        <source>An expense (%1, %2 CNY) has no evidence; the meeting cannot be closed without it.</source>
        <translation>一笔费用（%1，%2 元）没有报销凭证；缺少凭证无法结案。</translation>
    </message>
    <message>
        <source>Transfers of value to %1 this year come to %2 CNY, above the yearly cap of %3 CNY.</source>
        <translation>本年度向 %1 的价值转移合计 %2 元，超过年度上限 %3 元。</translation>
    </message>
    <message>
        <source>Spend of %1 CNY is above the budget with its tolerance (%2 CNY); a manager must approve closing it.</source>
        <translation>费用 %1 元超出预算及容差（%2 元）；须由经理批准结案。</translation>
    </message>
</context>
<context>
    <name>rounds::import</name>
    <message>
        <source>the file is not valid GBK</source>
        <translation>文件不是有效的 GBK 编码</translation>
    </message>
    <message>
        <source>the file is not valid UTF-8</source>
        <translation>文件不是有效的 UTF-8 编码</translation>
    </message>
    <message>
        <source>the file is neither UTF-8 nor GBK</source>
        <translation>文件既不是 UTF-8 也不是 GBK 编码</translation>
    </message>
    <message>
        <source>line %1: a quoted field is not closed</source>
        <translation>第 %1 行：引号内的字段没有闭合</translation>
    </message>
    <message>
        <source>the file is empty; it needs a header row</source>
        <translation>文件为空；需要一行表头</translation>
    </message>
    <message>
        <source>column &apos;%1&apos;: no such field</source>
        <translation>列 %1：没有这个字段</translation>
    </message>
    <message>
        <source>column &apos;%1&apos;: %2</source>
        <translation>列 %1：%2</translation>
    </message>
    <message>
        <source>column &apos;email&apos;: &apos;%1&apos; is not an e-mail address</source>
        <translation>列 email：“%1”不是电子邮件地址</translation>
    </message>
    <message>
        <source>column &apos;phone&apos;: &apos;%1&apos; is not a phone number</source>
        <translation>列 phone：“%1”不是电话号码</translation>
    </message>
    <message>
        <source>column &apos;territory&apos;: no territory with code &apos;%1&apos;</source>
        <translation>列 territory：没有代码为“%1”的辖区</translation>
    </message>
    <message>
        <source>duplicate HCP: %1 at %2 is already on line %3</source>
        <translation>重复的医生：%2 的 %1 已在第 %3 行</translation>
    </message>
    <message>
        <source>column &apos;target_calls_per_cycle&apos;: &apos;%1&apos; is not a whole number</source>
        <translation>列 target_calls_per_cycle：“%1”不是整数</translation>
    </message>
    <message>
        <source>column &apos;valid_to&apos;: %1 is before valid_from %2</source>
        <translation>列 valid_to：%1 早于生效日期 %2</translation>
    </message>
    <message>
        <source>column &apos;territory&apos;: a territory code is required</source>
        <translation>列 territory：必须填写辖区代码</translation>
    </message>
    <message>
        <source>column &apos;hcp_id&apos;: no active HCP with id &apos;%1&apos;</source>
        <translation>列 hcp_id：没有 id 为“%1”的在职医生</translation>
    </message>
    <message>
        <source>columns &apos;full_name&apos; and &apos;institution&apos; (or &apos;hcp_id&apos;) name the HCP</source>
        <translation>需用 full_name 和 institution 两列（或 hcp_id 列）指明医生</translation>
    </message>
    <message>
        <source>no HCP named %1 at %2</source>
        <translation>%2 没有名为 %1 的医生</translation>
    </message>
    <message>
        <source>duplicate alignment: the HCP is aligned to %1 on line %2 already</source>
        <translation>重复的分配：第 %2 行已把该医生分配到 %1</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <source>column &apos;%1&apos; appears twice in the header</source>
        <translation>表头中列 %1 出现了两次</translation>
    </message>
    <message>
        <source>unknown column &apos;%1&apos; is ignored</source>
        <translation>未知列 %1 已忽略</translation>
    </message>
    <message>
        <source>the header lacks the column &apos;%1&apos;</source>
        <translation>表头缺少列 %1</translation>
    </message>
    <message>
        <source>the header needs the column &apos;hcp_id&apos; or the columns &apos;full_name&apos; and &apos;institution&apos;</source>
        <translation>表头需要 hcp_id 列，或 full_name 和 institution 两列</translation>
    </message>
    <message>
        <source>The HCP&apos;s full name.</source>
        <translation>医生的全名。</translation>
    </message>
    <message>
        <source>male, female, other or unknown (男, 女, M and F are accepted).</source>
        <translation>male、female、other 或 unknown（也接受 男、女、M、F）。</translation>
    </message>
    <message>
        <source>The specialty, e.g. 心内科.</source>
        <translation>专业，例如 心内科。</translation>
    </message>
    <message>
        <source>The professional title.</source>
        <translation>职称。</translation>
    </message>
    <message>
        <source>The institution&apos;s name; a new name creates the institution.</source>
        <translation>医院名称；新名称会新建该医院。</translation>
    </message>
    <message>
        <source>The grade of a new institution, e.g. 三级甲等.</source>
        <translation>新医院的等级，例如 三级甲等。</translation>
    </message>
    <message>
        <source>The province of a new institution.</source>
        <translation>新医院所在省份。</translation>
    </message>
    <message>
        <source>The city of a new institution.</source>
        <translation>新医院所在城市。</translation>
    </message>
    <message>
        <source>The department at the institution; a new name creates the department.</source>
        <translation>医院中的科室；新名称会新建该科室。</translation>
    </message>
    <message>
        <source>A, B, C or D (any case).</source>
        <translation>A、B、C 或 D（不区分大小写）。</translation>
    </message>
    <message>
        <source>Digits, spaces, brackets and dashes, with an optional leading +.</source>
        <translation>数字、空格、括号和短横线，可以 + 开头。</translation>
    </message>
    <message>
        <source>An e-mail address.</source>
        <translation>电子邮件地址。</translation>
    </message>
    <message>
        <source>The code of a territory (not a district or region): the HCP is aligned to it.</source>
        <translation>辖区代码（不是地区或大区）：医生将分配到该辖区。</translation>
    </message>
    <message>
        <source>The code of a territory (not a district or region).</source>
        <translation>辖区代码（不是地区或大区）。</translation>
    </message>
    <message>
        <source>The HCP&apos;s id; leave it empty to name the HCP by full_name and institution.</source>
        <translation>医生的 ID；留空则按 full_name 和 institution 指定医生。</translation>
    </message>
    <message>
        <source>The HCP&apos;s full name (when hcp_id is empty).</source>
        <translation>医生的全名（hcp_id 为空时）。</translation>
    </message>
    <message>
        <source>The HCP&apos;s institution (when hcp_id is empty).</source>
        <translation>医生所在医院（hcp_id 为空时）。</translation>
    </message>
    <message>
        <source>The first day of the alignment, YYYY-MM-DD (four-digit year); empty: today.</source>
        <translation>分配的第一天，YYYY-MM-DD（四位年份）；留空为今天。</translation>
    </message>
    <message>
        <source>The last day, YYYY-MM-DD, not before valid_from; empty: open-ended.</source>
        <translation>最后一天，YYYY-MM-DD，不早于 valid_from；留空为不设结束日期。</translation>
    </message>
    <message>
        <source>Calls per cycle, a whole number 0-1000; empty: 0.</source>
        <translation>每周期拜访次数，0–1000 的整数；留空为 0。</translation>
    </message>
    <message>
        <source>HCP import file: the columns</source>
        <translation>医生导入文件：各列说明</translation>
    </message>
    <message>
        <source>Alignment import file: the columns</source>
        <translation>分配导入文件：各列说明</translation>
    </message>
    <message>
        <source>Fill one row per record under the header of the CSV template and keep the header as it is. Save as CSV in UTF-8 or GBK. Columns may be left out unless required; empty cells are empty values.</source>
        <translation>在 CSV 模板的表头下每条记录填写一行，表头保持不变。以 UTF-8 或 GBK 编码保存为 CSV。除必填列外，各列均可省略；空单元格即为空值。</translation>
    </message>
    <message>
        <source>required</source>
        <translation>必填</translation>
    </message>
    <message>
        <source>Each row needs hcp_id, or both full_name and institution.</source>
        <translation>每行需要 hcp_id，或同时填写 full_name 和 institution。</translation>
    </message>
</context>
<context>
    <name>rounds::widgets</name>
    <message>
        <source>The local data cannot be read: %1</source>
        <translation>无法读取本地数据：%1</translation>
    </message>
</context>
</TS>
