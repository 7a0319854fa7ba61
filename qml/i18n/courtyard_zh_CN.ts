<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ActionDialog</name>
    <message>
        <source>The answer given</source>
        <translation>答复内容</translation>
    </message>
    <message>
        <source>What was done</source>
        <translation>采取的措施</translation>
    </message>
    <message>
        <source>Handler</source>
        <translation>处理人</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>What the resident is seeking</source>
        <translation>住户的投诉心理</translation>
    </message>
    <message>
        <source>Within our control?</source>
        <translation>我方是否可控？</translation>
    </message>
    <message>
        <source>Yes, largely</source>
        <translation>基本可控</translation>
    </message>
    <message>
        <source>Hardly</source>
        <translation>难以控制</translation>
    </message>
    <message>
        <source>How far it has spread</source>
        <translation>影响范围</translation>
    </message>
    <message>
        <source>Media or authorities</source>
        <translation>媒体或政府部门</translation>
    </message>
    <message>
        <source>Within the community</source>
        <translation>小区内</translation>
    </message>
    <message>
        <source>Cause</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Why it is not ours to fix</source>
        <translation>不属我方责任的理由</translation>
    </message>
    <message>
        <source>The explanation given to the resident</source>
        <translation>向住户所作的解释</translation>
    </message>
    <message>
        <source>What the resident objects to</source>
        <translation>住户的异议</translation>
    </message>
    <message>
        <source>The result</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Solved by (agreed with the resident)</source>
        <translation>解决时限（与住户约定）</translation>
    </message>
    <message>
        <source>Why it needs the superior</source>
        <translation>需上级处理的原因</translation>
    </message>
    <message>
        <source>Responsible department</source>
        <translation>责任部门</translation>
    </message>
    <message>
        <source>How it was handled</source>
        <translation>处理方式</translation>
    </message>
    <message>
        <source>Measures taken</source>
        <translation>采取的措施</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Reply to the resident</source>
        <translation>给住户的回复</translation>
    </message>
    <message>
        <source>How</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>The complainant&apos;s opinion</source>
        <translation>投诉人意见</translation>
    </message>
    <message>
        <source>Satisfied with the result?</source>
        <translation>对处理结果是否满意？</translation>
    </message>
    <message>
        <source>Reply agreed by</source>
        <translation>约定答复时间</translation>
    </message>
    <message>
        <source>Adopted?</source>
        <translation>是否采纳？</translation>
    </message>
    <message>
        <source>Why not adopted (when not)</source>
        <translation>未采纳原因（不采纳时填写）</translation>
    </message>
    <message>
        <source>Instructions</source>
        <translation>工作要求</translation>
    </message>
    <message>
        <source>Done by</source>
        <translation>完成期限</translation>
    </message>
    <message>
        <source>Final reply</source>
        <translation>最终回复</translation>
    </message>
    <message>
        <source>Measures</source>
        <translation>整改措施</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>整改班组</translation>
    </message>
    <message>
        <source>Completed by</source>
        <translation>完成日期</translation>
    </message>
    <message>
        <source>What is handed to the developer&apos;s customer service</source>
        <translation>移交开发商客服的内容</translation>
    </message>
    <message>
        <source>Resident&apos;s name</source>
        <translation>住户姓名</translation>
    </message>
    <message>
        <source>Resident&apos;s signature</source>
        <translation>住户签名</translation>
    </message>
    <message>
        <source>Accepted by</source>
        <translation>验收人</translation>
    </message>
    <message>
        <source>Results notice for residents</source>
        <translation>向住户公布的结果公告</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>检查总结</translation>
    </message>
    <message>
        <source>Fill in: %1</source>
        <translation>请填写：%1</translation>
    </message>
    <message>
        <source>Staff must not say: %1. Rephrase before sending.</source>
        <translation>含有沟通禁语：%1。请修改后再发送。</translation>
    </message>
    <message>
        <source>The signature could not be kept.</source>
        <translation>签名未能保存。</translation>
    </message>
    <message>
        <source>Confirm: %1</source>
        <translation>确认：%1</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>Never say: %1</source>
        <translation>沟通禁语：%1</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除签名</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Correct the details</source>
        <translation>更正信息</translation>
    </message>
    <message>
        <source>What the resident said</source>
        <translation>业主反映的内容</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>正文</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>事由</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Resident&apos;s phone</source>
        <translation>业主电话</translation>
    </message>
    <message>
        <source>Urgent?</source>
        <translation>是否紧急？</translation>
    </message>
    <message>
        <source>Serious?</source>
        <translation>是否严重？</translation>
    </message>
    <message>
        <source>Reply wanted by</source>
        <translation>要求回复时间</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>有效期自</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Responsible leader</source>
        <translation>负责领导</translation>
    </message>
</context>
<context>
    <name>AdminShell</name>
    <message>
        <source>Staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Courtyard · administration</source>
        <translation>Courtyard · 系统管理</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <source>Switch language</source>
        <translation>切换语言</translation>
    </message>
    <message>
        <source>The server cannot be reached. The admin console works only online: nothing can be read or changed until it answers.</source>
        <translation>无法连接服务器。管理控制台只能在线使用：服务器恢复响应前，无法查看或修改任何内容。</translation>
    </message>
    <message>
        <source>%1 is not an administrator: the admin console is for administrators. Sign out and sign in as one.</source>
        <translation>%1 不是系统管理员：管理控制台仅供管理员使用。请退出，再以管理员身份登录。</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>政策参数</translation>
    </message>
    <message>
        <source>Calendars</source>
        <translation>工作日历</translation>
    </message>
    <message>
        <source>Communities</source>
        <translation>小区</translation>
    </message>
    <message>
        <source>Patrol routes</source>
        <translation>巡更路线</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>检查模板</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>组织机构</translation>
    </message>
    <message>
        <source>Notices</source>
        <translation>通知公告</translation>
    </message>
</context>
<context>
    <name>AttachmentImage</name>
    <message>
        <source>This file cannot be shown as a picture</source>
        <translation>此文件无法作为图片显示</translation>
    </message>
    <message>
        <source>Downloading the signature…</source>
        <translation>正在下载签名…</translation>
    </message>
    <message>
        <source>Downloading the photo…</source>
        <translation>正在下载照片…</translation>
    </message>
    <message>
        <source>Signature not on the server yet — tried again later</source>
        <translation>服务器上还没有这个签名——稍后会再试</translation>
    </message>
    <message>
        <source>Photo not on the server yet — tried again later</source>
        <translation>服务器上还没有这张照片——稍后会再试</translation>
    </message>
    <message>
        <source>Signature not downloaded yet — it will load when the tablet is online</source>
        <translation>签名尚未下载——平板联网后会自动加载</translation>
    </message>
    <message>
        <source>Photo not downloaded yet — it will load when the tablet is online</source>
        <translation>照片尚未下载——平板联网后会自动加载</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>签名</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>照片</translation>
    </message>
</context>
<context>
    <name>CalendarPage</name>
    <message>
        <source>Calendars</source>
        <translation>工作日历</translation>
    </message>
    <message>
        <source>Saved: %1 has %2 working days in this calendar. Deadlines set from now on count them; deadlines already set do not move.</source>
        <translation>已保存：按此日历，%1 年有 %2 个工作日。此后设定的时限按它计算；已设定的时限不变。</translation>
    </message>
    <message>
        <source>Holiday (day off)</source>
        <translation>节假日（放假）</translation>
    </message>
    <message>
        <source>Make-up working day</source>
        <translation>调休上班日</translation>
    </message>
    <message>
        <source>Weekend</source>
        <translation>周末</translation>
    </message>
    <message>
        <source>Working day</source>
        <translation>工作日</translation>
    </message>
    <message>
        <source>Save %1</source>
        <translation>保存 %1 年</translation>
    </message>
    <message>
        <source>Undo changes</source>
        <translation>撤销修改</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>日历</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>By these dates %1 has %2 working days; weekends alone would give %3.</source>
        <translation>按这些日期，%1 年有 %2 个工作日；只算周末则为 %3 个。</translation>
    </message>
    <message>
        <source>The server&apos;s calendar has no holidays for %1 yet: until they are saved, deadlines there count weekends alone.</source>
        <translation>服务器的日历中还没有 %1 年的节假日：保存之前，该年的时限只按周末计算。</translation>
    </message>
    <message>
        <source>Tap a day to change it: a weekday becomes a holiday and back; a weekend day becomes a holiday, then a make-up working day, then a weekend day again.</source>
        <translation>点按某天即可更改：工作日变为节假日，再点恢复；周末先变为节假日，再变为调休上班日，再点恢复为周末。</translation>
    </message>
    <message>
        <source>Mo</source>
        <translation>一</translation>
    </message>
    <message>
        <source>Tu</source>
        <translation>二</translation>
    </message>
    <message>
        <source>We</source>
        <translation>三</translation>
    </message>
    <message>
        <source>Th</source>
        <translation>四</translation>
    </message>
    <message>
        <source>Fr</source>
        <translation>五</translation>
    </message>
    <message>
        <source>Sa</source>
        <translation>六</translation>
    </message>
    <message>
        <source>Su</source>
        <translation>日</translation>
    </message>
    <message>
        <source>%1 as sent to the server</source>
        <translation>%1 年（将发送到服务器的内容）</translation>
    </message>
    <message>
        <source>Holidays (days off)</source>
        <translation>节假日（放假）</translation>
    </message>
    <message>
        <source>Dates and ranges, separated by commas: 2027-01-01, 2027-02-06..2027-02-12</source>
        <translation>日期或日期范围，用逗号分隔：2027-01-01, 2027-02-06..2027-02-12</translation>
    </message>
    <message>
        <source>Make-up working days (调休)</source>
        <translation>调休上班日</translation>
    </message>
    <message>
        <source>Weekend days worked instead, e.g. 2027-01-31, 2027-02-20</source>
        <translation>需要上班的周末，例如 2027-01-31, 2027-02-20</translation>
    </message>
    <message>
        <source>Make-up working days</source>
        <translation>调休上班日</translation>
    </message>
</context>
<context>
    <name>CameraCapture</name>
    <message>
        <source>Take photo</source>
        <translation>拍照</translation>
    </message>
    <message>
        <source>No camera on this device. Choose a picture file instead.</source>
        <translation>本设备没有摄像头，请改为选择图片文件。</translation>
    </message>
</context>
<context>
    <name>CommunitiesPage</name>
    <message>
        <source>Communities</source>
        <translation>小区</translation>
    </message>
    <message>
        <source>Building %1 added.</source>
        <translation>已添加楼栋 %1。</translation>
    </message>
    <message>
        <source>Add a community</source>
        <translation>新增小区</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>A new community</source>
        <translation>新小区</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Letters, digits and dashes, e.g. cm-harbour; it cannot change later.</source>
        <translation>字母、数字和短横线，例如 cm-harbour；创建后不能更改。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>管理处</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>日历</translation>
    </message>
    <message>
        <source>A calendar the company has not defined starts as the built-in mainland one.</source>
        <translation>公司尚未定义的日历，先按内置的中国大陆日历建立。</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>筛选</translation>
    </message>
    <message>
        <source>Filter by id, name, office, time zone or calendar</source>
        <translation>按编号、名称、管理处、时区或日历筛选</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Buildings</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>房屋</translation>
    </message>
    <message>
        <source>Occupied</source>
        <translation>已入住</translation>
    </message>
    <message>
        <source>No communities yet.</source>
        <translation>还没有小区。</translation>
    </message>
    <message>
        <source>No community matches the filter.</source>
        <translation>没有符合筛选条件的小区。</translation>
    </message>
    <message>
        <source>Choose a community for its buildings and its unit roster.</source>
        <translation>选择一个小区，查看其楼栋并导入房屋清单。</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1 buildings, %2 units, %3 occupied</source>
        <translation>%1 栋楼，%2 套房屋，已入住 %3 套</translation>
    </message>
    <message>
        <source>No buildings yet: add them before importing units.</source>
        <translation>还没有楼栋：请先添加楼栋，再导入房屋。</translation>
    </message>
    <message>
        <source>Building name</source>
        <translation>楼栋名称</translation>
    </message>
    <message>
        <source>Building name, as the roster writes it (e.g. 3栋)</source>
        <translation>楼栋名称，与房屋清单中的写法一致（如 3栋）</translation>
    </message>
    <message>
        <source>Add a building</source>
        <translation>添加楼栋</translation>
    </message>
    <message>
        <source>Import units from CSV</source>
        <translation>从 CSV 导入房屋</translation>
    </message>
    <message>
        <source>A header row, then one unit a line. Columns: building (楼栋), unit (房号), and optionally floor (楼层), owner (业主), phone (电话), occupied (入住: 是/否). Every building must exist already; a unit already there (same building and number) is updated. The roster is stored whole or not at all.</source>
        <translation>第一行为表头，之后每行一套房屋。列：楼栋（building）、房号（unit），可选楼层（floor）、业主（owner）、电话（phone）、入住（occupied：是/否）。所有楼栋须已存在；已有的房屋（同一楼栋、同一房号）会被更新。清单要么全部保存，要么全部不保存。</translation>
    </message>
    <message>
        <source>Choose a file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <source>Unit roster (CSV)</source>
        <translation>房屋清单（CSV）</translation>
    </message>
    <message>
        <source>…or paste the CSV here</source>
        <translation>…或在此粘贴 CSV 内容</translation>
    </message>
    <message>
        <source>Import units</source>
        <translation>导入房屋</translation>
    </message>
    <message>
        <source>Imported: %1 units added, %2 changed, %3 unchanged.</source>
        <translation>已导入：新增 %1 套，修改 %2 套，未变 %3 套。</translation>
    </message>
    <message>
        <source>A unit roster (CSV)</source>
        <translation>房屋清单（CSV）</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt)</source>
        <translation>CSV 文件 (*.csv *.txt)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>ComplaintIntakePage</name>
    <message>
        <source>New complaint</source>
        <translation>新建投诉</translation>
    </message>
    <message>
        <source>Choose a category.</source>
        <translation>请选择类别。</translation>
    </message>
    <message>
        <source>Write the answer given on the spot.</source>
        <translation>请填写当场答复的内容。</translation>
    </message>
    <message>
        <source>The answer uses words staff must not use: %1</source>
        <translation>答复中含有沟通禁语：%1</translation>
    </message>
    <message>
        <source>How it came in</source>
        <translation>受理渠道</translation>
    </message>
    <message>
        <source>Which flat, who</source>
        <translation>房号与投诉人</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>What it is about</source>
        <translation>投诉内容</translation>
    </message>
    <message>
        <source>What happened, in the resident&apos;s words</source>
        <translation>事情经过（按住户原话记录）</translation>
    </message>
    <message>
        <source>Urgent (2-hour reply)</source>
        <translation>紧急（2小时内回复）</translation>
    </message>
    <message>
        <source>Serious</source>
        <translation>严重</translation>
    </message>
    <message>
        <source>The resident wants a reply by (optional)</source>
        <translation>住户要求的回复时间（选填）</translation>
    </message>
    <message>
        <source>Answered on the spot</source>
        <translation>已当场答复</translation>
    </message>
    <message>
        <source>The answer given</source>
        <translation>答复内容</translation>
    </message>
    <message>
        <source>Avoid: %1</source>
        <translation>沟通禁语：%1</translation>
    </message>
    <message>
        <source>Save complaint</source>
        <translation>保存投诉</translation>
    </message>
    <message>
        <source>Responsible leader (if empty, the deputy GM and the GM are asked to name one)</source>
        <translation>负责领导（留空则由副总经理和总经理指定）</translation>
    </message>
    <message>
        <source>Responsible leader</source>
        <translation>负责领导</translation>
    </message>
</context>
<context>
    <name>DateTimeField</name>
    <message>
        <source>In 2 hours</source>
        <translation>2小时后</translation>
    </message>
    <message>
        <source>In 4 hours</source>
        <translation>4小时后</translation>
    </message>
    <message>
        <source>Today 18:00</source>
        <translation>今天18:00</translation>
    </message>
    <message>
        <source>Tomorrow 18:00</source>
        <translation>明天18:00</translation>
    </message>
    <message>
        <source>In 3 days</source>
        <translation>3天后</translation>
    </message>
    <message>
        <source>In a week</source>
        <translation>一周后</translation>
    </message>
    <message>
        <source>In a month</source>
        <translation>一个月后</translation>
    </message>
    <message>
        <source>None</source>
        <translation>不设时间</translation>
    </message>
    <message>
        <source>− day</source>
        <translation>−1天</translation>
    </message>
    <message>
        <source>− hour</source>
        <translation>−1小时</translation>
    </message>
    <message>
        <source>+ hour</source>
        <translation>+1小时</translation>
    </message>
    <message>
        <source>+ day</source>
        <translation>+1天</translation>
    </message>
</context>
<context>
    <name>DeadlineLabel</name>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1天%2小时</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1小时%2分钟</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1分钟</translation>
    </message>
    <message>
        <source>Was due %1</source>
        <translation>期限为%1</translation>
    </message>
    <message>
        <source>Overdue by %1</source>
        <translation>已超期%1</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>剩余%1</translation>
    </message>
    <message>
        <source>due %1</source>
        <translation>截止%1</translation>
    </message>
    <message>
        <source>provisional</source>
        <translation>暂定</translation>
    </message>
    <message>
        <source>Rule: %1</source>
        <translation>依据：%1</translation>
    </message>
    <message>
        <source>worked out on this tablet; the server&apos;s figure replaces it after sync</source>
        <translation>由本平板计算，同步后以服务器结果为准</translation>
    </message>
    <message>
        <source>no working calendar for this community: weekends only</source>
        <translation>本小区无工作日历：仅按周末休息计算</translation>
    </message>
    <message>
        <source>No deadline</source>
        <translation>无期限</translation>
    </message>
</context>
<context>
    <name>DevicesPage</name>
    <message>
        <source>Devices</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Lobby kiosk</source>
        <translation>大堂自助终端</translation>
    </message>
    <message>
        <source>Enrol a tablet/kiosk</source>
        <translation>注册平板/自助终端</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Enrol a tablet or kiosk</source>
        <translation>注册平板或自助终端</translation>
    </message>
    <message>
        <source>Say what the new device is for. The code it gets works once, for a short time; type it on the device&apos;s first-start page or show the QR code to it.</source>
        <translation>请说明新设备的用途。生成的注册码只能用一次，且短时间内有效；在设备的首次启动页输入，或让设备扫描二维码。</translation>
    </message>
    <message>
        <source>Device name</source>
        <translation>设备名称</translation>
    </message>
    <message>
        <source>e.g. Jade Lake front desk tablet</source>
        <translation>例如：翡翠湖前台平板</translation>
    </message>
    <message>
        <source>Used as</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>Communities</source>
        <translation>小区</translation>
    </message>
    <message>
        <source>A kiosk stands in the lobby of exactly one community.</source>
        <translation>一台大堂自助终端只属于一个小区。</translation>
    </message>
    <message>
        <source>Make a code</source>
        <translation>生成注册码</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>QR code with the server address and the enrolment code</source>
        <translation>含服务器地址和注册码的二维码</translation>
    </message>
    <message>
        <source>For: %1</source>
        <translation>用于：%1</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>服务器地址</translation>
    </message>
    <message>
        <source>Enrolment code</source>
        <translation>注册码</translation>
    </message>
    <message>
        <source>Valid until %1, for one device.</source>
        <translation>有效期至 %1，限一台设备使用。</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>最近联系</translation>
    </message>
    <message>
        <source> (this computer)</source>
        <translation>（本机）</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>已吊销</translation>
    </message>
    <message>
        <source>Never synced</source>
        <translation>从未同步</translation>
    </message>
    <message>
        <source>Revoke: sure?</source>
        <translation>确定吊销？</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>吊销</translation>
    </message>
    <message>
        <source>No devices listed yet.</source>
        <translation>暂无设备。</translation>
    </message>
</context>
<context>
    <name>EnrolPage</name>
    <message>
        <source>Set up this tablet</source>
        <translation>设置本平板</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>服务器地址</translation>
    </message>
    <message>
        <source>Device token</source>
        <translation>设备令牌</translation>
    </message>
    <message>
        <source>Connect and sync</source>
        <translation>连接并同步</translation>
    </message>
    <message>
        <source>The address must start with http:// or https:// and the token cannot be empty.</source>
        <translation>地址必须以 http:// 或 https:// 开头，且令牌不能为空。</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>正在同步…</translation>
    </message>
    <message>
        <source>Last attempt: %1</source>
        <translation>上次尝试：%1</translation>
    </message>
    <message>
        <source>Set up this computer</source>
        <translation>设置本机</translation>
    </message>
    <message>
        <source>Ask the administrator for this device&apos;s token. After the first sync the tablet works without a network for a whole shift.</source>
        <translation>请向管理员索取本设备的令牌。首次同步后，平板可在无网络的情况下工作一整个班次。</translation>
    </message>
    <message>
        <source>Enrolment code</source>
        <translation>注册码</translation>
    </message>
    <message>
        <source>16 letters and digits; case and dashes do not matter.</source>
        <translation>16 位字母和数字；不分大小写，可带或不带短横线。</translation>
    </message>
    <message>
        <source>Enrol and sync</source>
        <translation>注册并同步</translation>
    </message>
    <message>
        <source>I have an enrolment code</source>
        <translation>我有注册码</translation>
    </message>
    <message>
        <source>I have a device token</source>
        <translation>我有设备令牌</translation>
    </message>
    <message>
        <source>Enrolling…</source>
        <translation>正在注册…</translation>
    </message>
    <message>
        <source>A picture of the enrolment QR code</source>
        <translation>注册二维码的图片</translation>
    </message>
    <message>
        <source>Pictures (*.png *.jpg *.jpeg *.bmp)</source>
        <translation>图片 (*.png *.jpg *.jpeg *.bmp)</translation>
    </message>
    <message>
        <source>Ask the administrator for an enrolment code: the admin console shows it under Devices, &quot;Enrol a tablet/kiosk&quot;. Scan its QR code, or type the address and the code. It works once, for a short time.</source>
        <translation>请向管理员索取注册码：在管理控制台“设备”页点“注册平板/自助终端”即可生成。扫描其二维码，或手动输入服务器地址和注册码。注册码只能用一次，且短时间内有效。</translation>
    </message>
    <message>
        <source>Stop scanning</source>
        <translation>停止扫描</translation>
    </message>
    <message>
        <source>Scan the QR code</source>
        <translation>扫描二维码</translation>
    </message>
    <message>
        <source>Use a picture of the QR code</source>
        <translation>使用二维码图片</translation>
    </message>
</context>
<context>
    <name>FaceScale</name>
    <message>
        <source>Very unhappy</source>
        <translation>很不满意</translation>
    </message>
    <message>
        <source>Unhappy</source>
        <translation>不满意</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>一般</translation>
    </message>
    <message>
        <source>Happy</source>
        <translation>满意</translation>
    </message>
    <message>
        <source>Very happy</source>
        <translation>很满意</translation>
    </message>
</context>
<context>
    <name>HandoverPage</name>
    <message>
        <source>Shift handover</source>
        <translation>交接班</translation>
    </message>
    <message>
        <source>Handovers waiting for you</source>
        <translation>待您接班的交接单</translation>
    </message>
    <message numerus="yes">
        <source>From %1 · %n open complaints</source>
        <translation>
            <numerusform>%1交班 · %n件未结投诉</numerusform>
        </translation>
    </message>
    <message>
        <source>Open ›</source>
        <translation>打开 ›</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>确认接班</translation>
    </message>
    <message>
        <source>Hand over my shift</source>
        <translation>我要交班</translation>
    </message>
    <message numerus="yes">
        <source>%n open complaints go to the next shift.</source>
        <translation>
            <numerusform>%n件未结投诉将移交下一班。</numerusform>
        </translation>
    </message>
    <message>
        <source>Note for the next shift (optional)</source>
        <translation>给下一班的备注（选填）</translation>
    </message>
    <message>
        <source>Notes for the whole shift</source>
        <translation>本班总体交接事项</translation>
    </message>
    <message>
        <source>Hand over</source>
        <translation>交班</translation>
    </message>
</context>
<context>
    <name>InspectionPage</name>
    <message>
        <source>Inspections</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>Continue a draft</source>
        <translation>继续未完成的检查</translation>
    </message>
    <message>
        <source>New inspection</source>
        <translation>新建检查</translation>
    </message>
    <message>
        <source>Staff member inspected</source>
        <translation>被检查员工</translation>
    </message>
    <message>
        <source>Flat</source>
        <translation>房号</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>e.g. lobby of building 3</source>
        <translation>例如：3栋大堂</translation>
    </message>
    <message>
        <source>Start inspection</source>
        <translation>开始检查</translation>
    </message>
    <message>
        <source>%1 of %2 items graded · %3 failed</source>
        <translation>已评%1/%2项 · 不合格%3项</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Raise finding</source>
        <translation>生成整改项</translation>
    </message>
    <message>
        <source>Finding ›</source>
        <translation>整改项 ›</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>检查总结</translation>
    </message>
    <message>
        <source>Submit inspection</source>
        <translation>提交检查</translation>
    </message>
    <message>
        <source>Keep as draft</source>
        <translation>存为草稿</translation>
    </message>
</context>
<context>
    <name>KioskAdminPage</name>
    <message>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>Administrator PIN</source>
        <translation>管理员PIN码</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Wrong PIN.</source>
        <translation>PIN码错误。</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>小区</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>连接状态</translation>
    </message>
    <message>
        <source>Reached the server</source>
        <translation>已连接服务器</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>Last complete sync</source>
        <translation>上次完整同步</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未同步</translation>
    </message>
    <message>
        <source>Waiting to send</source>
        <translation>待发送</translation>
    </message>
    <message>
        <source>Refused by the server</source>
        <translation>被服务器拒绝</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>最近一次错误</translation>
    </message>
    <message>
        <source>Clear after (seconds idle)</source>
        <translation>无人操作多少秒后清屏</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <source>Lock and return</source>
        <translation>锁定并返回</translation>
    </message>
    <message>
        <source>Exit the kiosk</source>
        <translation>退出自助机</translation>
    </message>
    <message>
        <source>Language at start</source>
        <translation>默认语言</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Offline — next try at %1</source>
        <translation>离线 — 将于 %1 重试</translation>
    </message>
</context>
<context>
    <name>KioskCheckPage</name>
    <message>
        <source>Type your receipt code</source>
        <translation>请输入您的回执码</translation>
    </message>
    <message>
        <source>Which flat was it for?</source>
        <translation>是哪一户提交的？</translation>
    </message>
    <message>
        <source>Your message</source>
        <translation>您的留言</translation>
    </message>
    <message>
        <source>Next ›</source>
        <translation>下一步 ›</translation>
    </message>
    <message>
        <source>Reply: %1</source>
        <translation>回复：%1</translation>
    </message>
    <message>
        <source>We could not find that code for this flat.</source>
        <translation>没有找到这一户的这个回执码。</translation>
    </message>
    <message>
        <source>Check the code and the flat. A message sent only a moment ago appears here after the next sync.</source>
        <translation>请核对回执码和房号。刚刚提交的留言，要等下次同步后才能在这里查到。</translation>
    </message>
    <message>
        <source>‹ Back</source>
        <translation>‹ 返回</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
</context>
<context>
    <name>KioskCodePad</name>
    <message>
        <source>Receipt code</source>
        <translation>回执码</translation>
    </message>
    <message>
        <source>⌫ Delete</source>
        <translation>⌫ 删除</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
</context>
<context>
    <name>KioskFilePage</name>
    <message>
        <source>What is it about?</source>
        <translation>是哪方面的事？</translation>
    </message>
    <message>
        <source>Which flat?</source>
        <translation>您住哪一户？</translation>
    </message>
    <message>
        <source>What happened?</source>
        <translation>请说说具体情况</translation>
    </message>
    <message>
        <source>How can we reach you?</source>
        <translation>我们怎么联系您？</translation>
    </message>
    <message>
        <source>Is this right?</source>
        <translation>请确认以下内容</translation>
    </message>
    <message>
        <source>Ask for a repair</source>
        <translation>我要报修</translation>
    </message>
    <message>
        <source>Make a suggestion</source>
        <translation>我要提建议</translation>
    </message>
    <message>
        <source>Make a complaint</source>
        <translation>我要投诉</translation>
    </message>
    <message>
        <source>Noise from a neighbour at night</source>
        <translation>邻居夜间噪音扰民</translation>
    </message>
    <message>
        <source>Something left in the corridor</source>
        <translation>楼道里堆放了杂物</translation>
    </message>
    <message>
        <source>Illegal building work</source>
        <translation>有违章搭建</translation>
    </message>
    <message>
        <source>A stranger was let in</source>
        <translation>陌生人被放进小区</translation>
    </message>
    <message>
        <source>The entrance door does not lock</source>
        <translation>单元门锁不上</translation>
    </message>
    <message>
        <source>Guards were not at their post</source>
        <translation>保安不在岗</translation>
    </message>
    <message>
        <source>A car blocks the fire lane</source>
        <translation>有车堵住了消防通道</translation>
    </message>
    <message>
        <source>Someone parked in my space</source>
        <translation>我的车位被别人占了</translation>
    </message>
    <message>
        <source>The barrier is broken</source>
        <translation>道闸坏了</translation>
    </message>
    <message>
        <source>Rubbish was not collected</source>
        <translation>垃圾没有清运</translation>
    </message>
    <message>
        <source>The stairwell is dirty</source>
        <translation>楼梯间不干净</translation>
    </message>
    <message>
        <source>The rubbish room smells</source>
        <translation>垃圾房有异味</translation>
    </message>
    <message>
        <source>Trees need cutting back</source>
        <translation>树木需要修剪</translation>
    </message>
    <message>
        <source>The lawn is damaged</source>
        <translation>草坪被损坏了</translation>
    </message>
    <message>
        <source>Pests in the garden</source>
        <translation>绿地里有虫害</translation>
    </message>
    <message>
        <source>The stairwell light is out</source>
        <translation>楼道灯不亮</translation>
    </message>
    <message>
        <source>Water is leaking</source>
        <translation>有地方漏水</translation>
    </message>
    <message>
        <source>The lift is broken</source>
        <translation>电梯坏了</translation>
    </message>
    <message>
        <source>The door entry phone does not work</source>
        <translation>楼宇对讲不能用</translation>
    </message>
    <message>
        <source>I would like more activities for the elderly</source>
        <translation>希望多组织老年人活动</translation>
    </message>
    <message>
        <source>Activities for children, please</source>
        <translation>希望组织儿童活动</translation>
    </message>
    <message>
        <source>A parcel locker, please</source>
        <translation>希望设置快递柜</translation>
    </message>
    <message>
        <source>Help with heavy shopping</source>
        <translation>希望有人帮忙搬运重物</translation>
    </message>
    <message>
        <source>Please tap a picture.</source>
        <translation>请点一下图片。</translation>
    </message>
    <message>
        <source>Please choose your building and flat.</source>
        <translation>请选择您的楼栋和房号。</translation>
    </message>
    <message>
        <source>Please tap a sentence or write a few words.</source>
        <translation>请点选一句话，或写几个字。</translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation>第%1步，共%2步</translation>
    </message>
    <message>
        <source>Tap a sentence, or write your own:</source>
        <translation>点选一句话，或者自己写：</translation>
    </message>
    <message>
        <source>Write here</source>
        <translation>请在这里填写</translation>
    </message>
    <message>
        <source>Leave a phone number if you want us to call you back. It is only seen by the management office.</source>
        <translation>如需我们给您回电话，请留下电话号码。号码只有管理处能看到。</translation>
    </message>
    <message>
        <source>Phone (optional)</source>
        <translation>电话（选填）</translation>
    </message>
    <message>
        <source>When would you like an answer?</source>
        <translation>您希望什么时候得到答复？</translation>
    </message>
    <message>
        <source>No preference</source>
        <translation>都可以</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Tomorrow</source>
        <translation>明天</translation>
    </message>
    <message>
        <source>Within 3 days</source>
        <translation>3天内</translation>
    </message>
    <message>
        <source>Phone: %1</source>
        <translation>电话：%1</translation>
    </message>
    <message>
        <source>‹ Back</source>
        <translation>‹ 返回</translation>
    </message>
    <message>
        <source>Next ›</source>
        <translation>下一步 ›</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>提交</translation>
    </message>
</context>
<context>
    <name>KioskHome</name>
    <message>
        <source>How can we help?</source>
        <translation>请问有什么可以帮您？</translation>
    </message>
    <message>
        <source>Make a complaint</source>
        <translation>我要投诉</translation>
    </message>
    <message>
        <source>Something is wrong</source>
        <translation>有不满意的地方</translation>
    </message>
    <message>
        <source>Ask for a repair</source>
        <translation>我要报修</translation>
    </message>
    <message>
        <source>Something is broken</source>
        <translation>有东西坏了</translation>
    </message>
    <message>
        <source>Make a suggestion</source>
        <translation>我要提建议</translation>
    </message>
    <message>
        <source>An idea to do better</source>
        <translation>帮我们做得更好</translation>
    </message>
    <message>
        <source>Check my receipt</source>
        <translation>查询回执</translation>
    </message>
    <message>
        <source>See the reply</source>
        <translation>查看回复</translation>
    </message>
    <message>
        <source>Satisfaction survey</source>
        <translation>满意度调查</translation>
    </message>
    <message>
        <source>Tell us how we are doing</source>
        <translation>请为我们的服务打分</translation>
    </message>
    <message>
        <source>No survey just now</source>
        <translation>暂时没有调查</translation>
    </message>
    <message>
        <source>Notices</source>
        <translation>通知公告</translation>
    </message>
    <message numerus="yes">
        <source>%n notices</source>
        <translation>
            <numerusform>%n条公告</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KioskIdleOverlay</name>
    <message>
        <source>Are you still there?</source>
        <translation>您还在吗？</translation>
    </message>
    <message numerus="yes">
        <source>To protect your privacy, this screen clears itself in %n seconds.</source>
        <translation>
            <numerusform>为保护您的隐私，屏幕将在%n秒后自动清空。</numerusform>
        </translation>
    </message>
    <message>
        <source>I&apos;m still here</source>
        <translation>我还在</translation>
    </message>
</context>
<context>
    <name>KioskKeyboardStyle</name>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>空格</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>收起</translation>
    </message>
    <message>
        <source>New line</source>
        <translation>换行</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
</context>
<context>
    <name>KioskNoticesPage</name>
    <message>
        <source>Notices</source>
        <translation>通知公告</translation>
    </message>
    <message>
        <source>No notices just now.</source>
        <translation>暂时没有公告。</translation>
    </message>
    <message>
        <source>URGENT</source>
        <translation>紧急</translation>
    </message>
    <message>
        <source>Until %1</source>
        <translation>有效期至%1</translation>
    </message>
</context>
<context>
    <name>KioskReceiptPage</name>
    <message>
        <source>We already have this message</source>
        <translation>这条留言我们已经收到过了</translation>
    </message>
    <message>
        <source>Thank you — we have it</source>
        <translation>谢谢您，我们已收到</translation>
    </message>
    <message>
        <source>Your receipt code:</source>
        <translation>您的回执码：</translation>
    </message>
    <message>
        <source>Write it down or take a photo of it. With this code and your flat you can see the reply here.</source>
        <translation>请记下来或拍照保存。凭回执码和房号，可以在这里查看回复。</translation>
    </message>
    <message>
        <source>The network is down just now: your message is saved on this screen and will be sent to the office automatically when it is back.</source>
        <translation>现在网络不通：您的留言已保存在本机，网络恢复后会自动发送给管理处。</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
</context>
<context>
    <name>KioskSetupPage</name>
    <message>
        <source>Set up this kiosk</source>
        <translation>设置本自助机</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>服务器地址</translation>
    </message>
    <message>
        <source>Kiosk device token</source>
        <translation>自助机设备令牌</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>The address must start with http:// or https:// and the token cannot be empty.</source>
        <translation>地址必须以 http:// 或 https:// 开头，且令牌不能为空。</translation>
    </message>
    <message>
        <source>Administrator PIN (at least 4 digits)</source>
        <translation>管理员PIN码（至少4位数字）</translation>
    </message>
    <message>
        <source>The same PIN again</source>
        <translation>再次输入PIN码</translation>
    </message>
    <message>
        <source>Set PIN and start</source>
        <translation>设置PIN码并启动</translation>
    </message>
    <message>
        <source>The two PINs differ.</source>
        <translation>两次输入的PIN码不一致。</translation>
    </message>
    <message>
        <source>Set up. The kiosk starts now.</source>
        <translation>设置完成，自助机现在启动。</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>启动</translation>
    </message>
    <message>
        <source>Enrolment code</source>
        <translation>注册码</translation>
    </message>
    <message>
        <source>16 letters and digits; case and dashes do not matter.</source>
        <translation>16 位字母和数字；不分大小写，可带或不带短横线。</translation>
    </message>
    <message>
        <source>I have an enrolment code</source>
        <translation>我有注册码</translation>
    </message>
    <message>
        <source>I have a device token</source>
        <translation>我有设备令牌</translation>
    </message>
    <message>
        <source>A picture of the enrolment QR code</source>
        <translation>注册二维码的图片</translation>
    </message>
    <message>
        <source>Pictures (*.png *.jpg *.jpeg *.bmp)</source>
        <translation>图片 (*.png *.jpg *.jpeg *.bmp)</translation>
    </message>
    <message>
        <source>Stop scanning</source>
        <translation>停止扫描</translation>
    </message>
    <message>
        <source>Scan the QR code</source>
        <translation>扫描二维码</translation>
    </message>
    <message>
        <source>Use a picture of the QR code</source>
        <translation>使用二维码图片</translation>
    </message>
</context>
<context>
    <name>KioskShell</name>
    <message>
        <source>Home</source>
        <translation>首页</translation>
    </message>
    <message>
        <source>Residents&apos; service point</source>
        <translation>住户服务点</translation>
    </message>
    <message>
        <source>Normal text</source>
        <translation>标准字号</translation>
    </message>
    <message>
        <source>Larger text</source>
        <translation>大字号</translation>
    </message>
    <message>
        <source>No network just now. You can still use everything here; what you send is kept on this screen and sent as soon as the network is back.</source>
        <translation>现在没有网络。这里的功能仍可照常使用；您提交的内容会先保存在本机，网络一恢复就发送。</translation>
    </message>
</context>
<context>
    <name>KioskSurveyPage</name>
    <message>
        <source>Satisfaction survey</source>
        <translation>满意度调查</translation>
    </message>
    <message>
        <source>There is no survey running now.</source>
        <translation>目前没有正在进行的调查。</translation>
    </message>
    <message>
        <source>Your household has already answered this survey. Thank you!</source>
        <translation>您家已经参加过本次调查，谢谢！</translation>
    </message>
    <message>
        <source>How happy are you with…</source>
        <translation>您对以下各项满意吗？</translation>
    </message>
    <message>
        <source>Anything else? (optional)</source>
        <translation>还有其他意见吗？（选填）</translation>
    </message>
    <message>
        <source>Send my answers</source>
        <translation>提交我的评价</translation>
    </message>
    <message>
        <source>Thank you for your answers!</source>
        <translation>感谢您的参与！</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
</context>
<context>
    <name>KioskUnitPicker</name>
    <message>
        <source>Which building?</source>
        <translation>您住哪一栋？</translation>
    </message>
    <message>
        <source>Which flat in %1?</source>
        <translation>您住%1的哪一户？</translation>
    </message>
    <message>
        <source>‹ Another building</source>
        <translation>‹ 换一栋楼</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Grade %1 · %2</source>
        <translation>%1级 · %2</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Courtyard · residents&apos; kiosk</source>
        <translation>Courtyard · 住户自助机</translation>
    </message>
    <message>
        <source>Courtyard · staff tablet</source>
        <translation>Courtyard · 员工平板</translation>
    </message>
    <message>
        <source>Courtyard · admin console</source>
        <translation>Courtyard · 管理控制台</translation>
    </message>
</context>
<context>
    <name>MoreRows</name>
    <message>
        <source>%1 of %2 shown</source>
        <translation>已显示 %1 条，共 %2 条</translation>
    </message>
    <message>
        <source>Show more</source>
        <translation>显示更多</translation>
    </message>
</context>
<context>
    <name>MyWorkPage</name>
    <message>
        <source>My work</source>
        <translation>我的工作</translation>
    </message>
    <message>
        <source>+ Complaint</source>
        <translation>+ 投诉</translation>
    </message>
    <message>
        <source>+ Suggestion</source>
        <translation>+ 建议</translation>
    </message>
    <message numerus="yes">
        <source>%n in all</source>
        <translation>
            <numerusform>共 %n 项</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new</source>
        <translation>
            <numerusform>%n 项新</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation>
            <numerusform>%n 项超期</numerusform>
        </translation>
    </message>
    <message>
        <source>Mark all seen</source>
        <translation>全部标为已读</translation>
    </message>
    <message>
        <source>Worked out on this tablet from the last sync; the server&apos;s list may differ until the next one.</source>
        <translation>本平板根据上次同步的数据推算；下次同步前可能与服务器的列表不同。</translation>
    </message>
    <message>
        <source>new</source>
        <translation>新</translation>
    </message>
    <message>
        <source>To do: %1</source>
        <translation>待办：%1</translation>
    </message>
    <message>
        <source>Nothing in your inbox.</source>
        <translation>您的待办中没有事项。</translation>
    </message>
</context>
<context>
    <name>NoticeIntakePage</name>
    <message>
        <source>New notice</source>
        <translation>新建公告</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>正文</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Urgent (shown first)</source>
        <translation>紧急（置顶显示）</translation>
    </message>
    <message>
        <source>Shown from</source>
        <translation>开始显示时间</translation>
    </message>
    <message>
        <source>Shown until</source>
        <translation>停止显示时间</translation>
    </message>
    <message>
        <source>Publish to the kiosks</source>
        <translation>发布到自助机</translation>
    </message>
</context>
<context>
    <name>NoticesPage</name>
    <message>
        <source>Notices</source>
        <translation>通知公告</translation>
    </message>
    <message>
        <source>On show</source>
        <translation>展示中</translation>
    </message>
    <message>
        <source>Upcoming</source>
        <translation>未开始</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <source>Publish a notice</source>
        <translation>发布通知</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>A new notice</source>
        <translation>新通知</translation>
    </message>
    <message>
        <source>Change the notice for %1</source>
        <translation>修改%1的通知</translation>
    </message>
    <message>
        <source>For</source>
        <translation>发布范围</translation>
    </message>
    <message>
        <source>Every community of the company</source>
        <translation>公司所有小区</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>正文</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Pest control notices say where the warning signs stand.</source>
        <translation>消杀通知须写明警示牌所在位置。</translation>
    </message>
    <message>
        <source>Urgent (shown first)</source>
        <translation>紧急（置顶显示）</translation>
    </message>
    <message>
        <source>Shown from</source>
        <translation>开始显示时间</translation>
    </message>
    <message>
        <source>None: from now.</source>
        <translation>不填：立即显示。</translation>
    </message>
    <message>
        <source>Shown until</source>
        <translation>停止显示时间</translation>
    </message>
    <message>
        <source>Publish to the kiosks</source>
        <translation>发布到自助机</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>筛选</translation>
    </message>
    <message>
        <source>Filter by title, text, community or place</source>
        <translation>按标题、正文、小区或地点筛选</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>小区</translation>
    </message>
    <message>
        <source>From</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Urgent: </source>
        <translation>紧急：</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>撤回</translation>
    </message>
    <message>
        <source>Why it is withdrawn</source>
        <translation>撤回原因</translation>
    </message>
    <message>
        <source>Why it is withdrawn, e.g. the work was moved to next week</source>
        <translation>撤回原因，例如施工改到下周</translation>
    </message>
    <message>
        <source>Withdraw from the kiosks</source>
        <translation>从自助机撤回</translation>
    </message>
    <message>
        <source>No notices yet.</source>
        <translation>还没有通知。</translation>
    </message>
    <message>
        <source>No notice matches the filter.</source>
        <translation>没有符合筛选条件的通知。</translation>
    </message>
    <message numerus="yes">
        <source>%n notice(s) that ended before %1 are not listed.</source>
        <translation>
            <numerusform>另有 %n 条通知在 %1 之前已结束，未列出。</numerusform>
        </translation>
    </message>
    <message>
        <source>List them too</source>
        <translation>一并列出</translation>
    </message>
</context>
<context>
    <name>OrganisationPage</name>
    <message>
        <source>Offices and departments</source>
        <translation>管理处与部门</translation>
    </message>
    <message>
        <source>Customer service</source>
        <translation>客服</translation>
    </message>
    <message>
        <source>Engineering</source>
        <translation>工程</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>秩序维护（安保）</translation>
    </message>
    <message>
        <source>Cleaning</source>
        <translation>保洁</translation>
    </message>
    <message>
        <source>Landscaping</source>
        <translation>绿化</translation>
    </message>
    <message>
        <source>Developer&apos;s customer service</source>
        <translation>开发商客服</translation>
    </message>
    <message>
        <source>Management</source>
        <translation>公司管理层</translation>
    </message>
    <message>
        <source>The company (no office)</source>
        <translation>公司（不属于管理处）</translation>
    </message>
    <message>
        <source>Office %1 saved.</source>
        <translation>管理处 %1 已保存。</translation>
    </message>
    <message>
        <source>Department %1 saved.</source>
        <translation>部门 %1 已保存。</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Management offices</source>
        <translation>管理处</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Letters, digits and dashes, e.g. of-east; it cannot change later.</source>
        <translation>字母、数字和短横线，如 of-east；保存后不能修改。</translation>
    </message>
    <message>
        <source>Office id</source>
        <translation>管理处编号</translation>
    </message>
    <message>
        <source>Office name</source>
        <translation>管理处名称</translation>
    </message>
    <message>
        <source>Add the office</source>
        <translation>添加管理处</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>改名</translation>
    </message>
    <message>
        <source>New office</source>
        <translation>新管理处</translation>
    </message>
    <message>
        <source>Departments</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>管理处</translation>
    </message>
    <message>
        <source>The company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Department id</source>
        <translation>部门编号</translation>
    </message>
    <message>
        <source>Department name</source>
        <translation>部门名称</translation>
    </message>
    <message>
        <source>Add the department</source>
        <translation>添加部门</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>New department</source>
        <translation>新部门</translation>
    </message>
</context>
<context>
    <name>PageScaffold</name>
    <message>
        <source>‹ Back</source>
        <translation>‹ 返回</translation>
    </message>
</context>
<context>
    <name>PatrolPage</name>
    <message>
        <source>Patrols</source>
        <translation>巡更</translation>
    </message>
    <message>
        <source>Patrol round</source>
        <translation>巡更</translation>
    </message>
    <message>
        <source>✓ %1</source>
        <translation>✓ %1</translation>
    </message>
    <message>
        <source>Rounds in progress</source>
        <translation>进行中的巡更</translation>
    </message>
    <message>
        <source>Start a round</source>
        <translation>开始巡更</translation>
    </message>
    <message numerus="yes">
        <source>%n checkpoints</source>
        <translation>
            <numerusform>%n个巡更点</numerusform>
        </translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Print QR sheet</source>
        <translation>打印二维码表</translation>
    </message>
    <message>
        <source>%1 of %2 visited · %3 late · %4 missed</source>
        <translation>已巡%1/%2个 · 迟到%3个 · 漏巡%4个</translation>
    </message>
    <message>
        <source>Or type the code under the QR</source>
        <translation>或输入二维码下方的编码</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>Picture of a code</source>
        <translation>识别图片中的码</translation>
    </message>
    <message>
        <source>by %1</source>
        <translation>%1前</translation>
    </message>
    <message>
        <source>Confirmed by hand: %1</source>
        <translation>人工确认：%1</translation>
    </message>
    <message>
        <source>Code damaged: confirm by hand</source>
        <translation>无法扫码：人工确认</translation>
    </message>
    <message>
        <source>Report a problem here</source>
        <translation>在此报告问题</translation>
    </message>
    <message>
        <source>Finish round</source>
        <translation>结束巡更</translation>
    </message>
    <message>
        <source>Abandon</source>
        <translation>中止</translation>
    </message>
    <message>
        <source>Other rounds</source>
        <translation>其他巡更</translation>
    </message>
    <message>
        <source>A picture of the checkpoint&apos;s code</source>
        <translation>巡更点二维码的图片</translation>
    </message>
    <message>
        <source>No QR code found in that picture</source>
        <translation>图片中没有找到二维码</translation>
    </message>
    <message>
        <source>Confirm the checkpoint by hand</source>
        <translation>人工确认巡更点</translation>
    </message>
    <message>
        <source>Why could the code not be scanned?</source>
        <translation>为什么无法扫码？</translation>
    </message>
    <message>
        <source>Code damaged</source>
        <translation>二维码损坏</translation>
    </message>
    <message>
        <source>Code missing</source>
        <translation>二维码缺失</translation>
    </message>
    <message>
        <source>Camera not working</source>
        <translation>摄像头故障</translation>
    </message>
    <message>
        <source>More detail</source>
        <translation>补充说明</translation>
    </message>
    <message>
        <source>Report a problem</source>
        <translation>报告问题</translation>
    </message>
    <message>
        <source>Abandon the round</source>
        <translation>中止本次巡更</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Save the checkpoint QR sheet</source>
        <translation>保存巡更点二维码表</translation>
    </message>
</context>
<context>
    <name>PhotoStrip</name>
    <message>
        <source>Camera</source>
        <translation>拍照</translation>
    </message>
    <message>
        <source>Picture file</source>
        <translation>图片文件</translation>
    </message>
    <message>
        <source>Choose a photo</source>
        <translation>选择照片</translation>
    </message>
    <message>
        <source>Pictures (*.jpg *.jpeg *.png)</source>
        <translation>图片 (*.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>PinyinLayout</name>
    <message>
        <source>123 Symbols</source>
        <translation>123 符号</translation>
    </message>
</context>
<context>
    <name>PolicyPage</name>
    <message>
        <source>Policy</source>
        <translation>政策参数</translation>
    </message>
    <message>
        <source>Saved. Deadlines set from now on use the new numbers; deadlines already set keep theirs.</source>
        <translation>已保存。此后设定的时限使用新数值；已设定的时限保持不变。</translation>
    </message>
    <message>
        <source>Save changes (%1)</source>
        <translation>保存修改（%1 项）</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>放弃修改</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>A changed number applies to deadlines set from the moment it is saved, on every device after its next sync. Deadlines already set do not move.</source>
        <translation>修改后的数值自保存之时起用于新设定的时限，各设备在下次同步后生效。已设定的时限不会改变。</translation>
    </message>
    <message>
        <source>Deadlines</source>
        <translation>处理时限</translation>
    </message>
    <message>
        <source>Surveys and satisfaction</source>
        <translation>回访调查与满意度</translation>
    </message>
    <message>
        <source>Grading and escalation</source>
        <translation>分级与升级</translation>
    </message>
    <message>
        <source>Shown for reference: these change through the company file (courtyard-server init --company).</source>
        <translation>仅供参考：这些设置通过公司文件修改（courtyard-server init --company）。</translation>
    </message>
    <message>
        <source>Sign-in and devices</source>
        <translation>登录与设备</translation>
    </message>
    <message>
        <source>Fair use and clocks</source>
        <translation>合理使用与时钟</translation>
    </message>
    <message>
        <source>Other settings</source>
        <translation>其他设置</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>保存期限</translation>
    </message>
    <message>
        <source>Once a day the server archives the records past these times, then removes them from the server and from every tablet. &apos;courtyard-server retention --dry-run&apos; lists what would go.</source>
        <translation>服务器每天将超过以下期限的记录归档，然后从服务器和所有平板上删除。“courtyard-server retention --dry-run”可列出将被清除的记录。</translation>
    </message>
</context>
<context>
    <name>RecordDelegate</name>
    <message>
        <source>URGENT</source>
        <translation>紧急</translation>
    </message>
    <message>
        <source>not yet sent</source>
        <translation>尚未发送</translation>
    </message>
    <message>
        <source>refused — not sent</source>
        <translation>被拒收 — 未发送</translation>
    </message>
</context>
<context>
    <name>RecordPage</name>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Flat</source>
        <translation>房号</translation>
    </message>
    <message>
        <source>Complainant</source>
        <translation>投诉人</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <source>Reply wanted by</source>
        <translation>要求回复时间</translation>
    </message>
    <message>
        <source>Urgent / serious</source>
        <translation>紧急 / 严重</translation>
    </message>
    <message>
        <source>Validity</source>
        <translation>是否有效</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Resident type</source>
        <translation>投诉心理</translation>
    </message>
    <message>
        <source>Handler</source>
        <translation>处理人</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Agreed to solve by</source>
        <translation>约定解决时间</translation>
    </message>
    <message>
        <source>Why invalid</source>
        <translation>无效原因</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>解释内容</translation>
    </message>
    <message>
        <source>Outside result</source>
        <translation>外部处理结果</translation>
    </message>
    <message>
        <source>Handled</source>
        <translation>处理方式</translation>
    </message>
    <message>
        <source>Measures</source>
        <translation>措施</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>回复</translation>
    </message>
    <message>
        <source>Replied</source>
        <translation>回复时间</translation>
    </message>
    <message>
        <source>Round</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>Resident</source>
        <translation>住户</translation>
    </message>
    <message>
        <source>Reply agreed by</source>
        <translation>约定答复时间</translation>
    </message>
    <message>
        <source>Adopted</source>
        <translation>是否采纳</translation>
    </message>
    <message>
        <source>Why not adopted</source>
        <translation>未采纳原因</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>事由</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>From</source>
        <translation>提交部门</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>上报层级</translation>
    </message>
    <message>
        <source>Arranged to</source>
        <translation>安排给</translation>
    </message>
    <message>
        <source>Instructions</source>
        <translation>工作要求</translation>
    </message>
    <message>
        <source>Final reply</source>
        <translation>最终回复</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Done by</source>
        <translation>完成期限</translation>
    </message>
    <message>
        <source>Found by</source>
        <translation>发现方</translation>
    </message>
    <message>
        <source>Flat or area</source>
        <translation>房号或区域</translation>
    </message>
    <message>
        <source>Signed by</source>
        <translation>签名人</translation>
    </message>
    <message>
        <source>Accepted by</source>
        <translation>验收人</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>验收时间</translation>
    </message>
    <message>
        <source>Handed over by</source>
        <translation>交班人</translation>
    </message>
    <message>
        <source>Open complaints</source>
        <translation>未结投诉</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Acknowledged by</source>
        <translation>接班人</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>调查期间</translation>
    </message>
    <message>
        <source>Quota</source>
        <translation>应调查户数</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>正文</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>有效期</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>总结</translation>
    </message>
    <message>
        <source>Guard</source>
        <translation>巡更人</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Saved on this tablet. It is sent with the next sync; until then the deadline is this tablet&apos;s own figure.</source>
        <translation>已保存在本平板上，将在下次同步时发送；在此之前，期限按本平板自行计算的结果显示。</translation>
    </message>
    <message>
        <source>No record chosen.</source>
        <translation>未选择记录。</translation>
    </message>
    <message>
        <source>This record is not on this tablet.</source>
        <translation>本平板上没有这条记录。</translation>
    </message>
    <message>
        <source>changes not yet sent</source>
        <translation>有更改尚未发送</translation>
    </message>
    <message>
        <source>Escalated to the %1</source>
        <translation>已上报至%1</translation>
    </message>
    <message>
        <source>Handling: %1</source>
        <translation>应对要点：%1</translation>
    </message>
    <message>
        <source>Never say: %1</source>
        <translation>沟通禁语：%1</translation>
    </message>
    <message>
        <source>Next steps</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Nothing for you to do here</source>
        <translation>您在此无需操作</translation>
    </message>
    <message>
        <source>Sign in to act on this record.</source>
        <translation>请登录后再处理这条记录。</translation>
    </message>
    <message>
        <source>Follow-up visits</source>
        <translation>回访记录</translation>
    </message>
    <message>
        <source>satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <source>not satisfied</source>
        <translation>不满意</translation>
    </message>
    <message>
        <source>Rounds</source>
        <translation>整改轮次</translation>
    </message>
    <message>
        <source>Round %1</source>
        <translation>第%1轮</translation>
    </message>
    <message>
        <source>developer</source>
        <translation>开发商整改</translation>
    </message>
    <message>
        <source>in-house</source>
        <translation>自行整改</translation>
    </message>
    <message>
        <source>by %1</source>
        <translation>%1前完成</translation>
    </message>
    <message>
        <source>result: %1</source>
        <translation>结果：%1</translation>
    </message>
    <message>
        <source>objection: %1</source>
        <translation>异议：%1</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>评论</translation>
    </message>
    <message>
        <source>Add a comment</source>
        <translation>添加评论</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>History</source>
        <translation>处理历史</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>备注留言</translation>
    </message>
    <message>
        <source>Signature attached</source>
        <translation>附上签名</translation>
    </message>
    <message>
        <source>Document attached</source>
        <translation>附上文件</translation>
    </message>
    <message>
        <source>Photo attached</source>
        <translation>附上照片</translation>
    </message>
    <message>
        <source>Added to %1</source>
        <translation>添加到 %1</translation>
    </message>
    <message>
        <source>Not yet confirmed by the server; the steps taken on this tablet:</source>
        <translation>服务器尚未确认；本平板上已做的步骤：</translation>
    </message>
    <message>
        <source>Correct the details</source>
        <translation>更正信息</translation>
    </message>
    <message>
        <source>Refused — not sent</source>
        <translation>被拒绝——未发送</translation>
    </message>
    <message>
        <source>The server&apos;s reason: %1</source>
        <translation>服务器给出的原因：%1</translation>
    </message>
    <message>
        <source>About: %1</source>
        <translation>涉及：%1</translation>
    </message>
    <message>
        <source>It is kept on this tablet only. Correct the details, then send it again; or discard it.</source>
        <translation>它只保存在这台平板上。请修改内容后再次发送，或将其丢弃。</translation>
    </message>
    <message>
        <source>Send again</source>
        <translation>再次发送</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>丢弃</translation>
    </message>
    <message>
        <source>Discard this record for good? It was never sent.</source>
        <translation>永久丢弃这条记录？它从未发送过。</translation>
    </message>
    <message>
        <source>Discard for good</source>
        <translation>永久丢弃</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>Responsible leader</source>
        <translation>负责领导</translation>
    </message>
</context>
<context>
    <name>RecordsPage</name>
    <message>
        <source>+ New</source>
        <translation>+ 新建</translation>
    </message>
    <message>
        <source>Search text, flat or receipt code</source>
        <translation>搜索内容、房号或回执码</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未结</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>By deadline</source>
        <translation>按期限</translation>
    </message>
    <message>
        <source>Newest</source>
        <translation>最新</translation>
    </message>
    <message numerus="yes">
        <source>%n records</source>
        <translation>
            <numerusform>%n条记录</numerusform>
        </translation>
    </message>
    <message>
        <source>No records here.</source>
        <translation>暂无记录。</translation>
    </message>
</context>
<context>
    <name>RectificationPage</name>
    <message>
        <source>Rectification</source>
        <translation>整改</translation>
    </message>
    <message>
        <source>Back to list</source>
        <translation>返回列表</translation>
    </message>
    <message>
        <source>+ New item</source>
        <translation>+ 新建整改项</translation>
    </message>
    <message>
        <source>All flats</source>
        <translation>全部房号</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未结</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message numerus="yes">
        <source>%n items</source>
        <translation>
            <numerusform>%n项</numerusform>
        </translation>
    </message>
    <message>
        <source>Who found it</source>
        <translation>发现方</translation>
    </message>
    <message>
        <source>Flat</source>
        <translation>房号</translation>
    </message>
    <message>
        <source>Or a shared area</source>
        <translation>或公共区域</translation>
    </message>
    <message>
        <source>What needs fixing</source>
        <translation>需整改的问题</translation>
    </message>
    <message>
        <source>Save item</source>
        <translation>保存整改项</translation>
    </message>
</context>
<context>
    <name>ReportBarsChart</name>
    <message>
        <source>At or above target</source>
        <translation>达到或高于目标</translation>
    </message>
    <message>
        <source>Below target</source>
        <translation>低于目标</translation>
    </message>
    <message>
        <source>Target %1</source>
        <translation>目标 %1</translation>
    </message>
</context>
<context>
    <name>ReportParetoChart</name>
    <message>
        <source>Vital few</source>
        <translation>关键少数</translation>
    </message>
    <message>
        <source>Others</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Cumulative %</source>
        <translation>累计百分比</translation>
    </message>
    <message>
        <source>Cut %1%</source>
        <translation>分界线 %1%</translation>
    </message>
</context>
<context>
    <name>ReportPdf</name>
    <message>
        <source>Vital few</source>
        <translation>关键少数</translation>
    </message>
    <message>
        <source>Others</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Cumulative %</source>
        <translation>累计百分比</translation>
    </message>
    <message>
        <source>Cut %1%</source>
        <translation>分界线 %1%</translation>
    </message>
    <message>
        <source>Nothing to count in this period.</source>
        <translation>本期没有可统计的数据。</translation>
    </message>
    <message>
        <source>At or above target</source>
        <translation>达到或高于目标</translation>
    </message>
    <message>
        <source>Below target</source>
        <translation>低于目标</translation>
    </message>
    <message>
        <source>Target %1</source>
        <translation>目标 %1</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>小区</translation>
    </message>
    <message>
        <source>Management office</source>
        <translation>管理处</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source> · department: %1</source>
        <translation> · 部门：%1</translation>
    </message>
    <message>
        <source>As of %1</source>
        <translation>数据截至 %1</translation>
    </message>
    <message>
        <source> · least recent sync: %1 at %2</source>
        <translation> · 最久未同步：%1（%2）</translation>
    </message>
    <message numerus="yes">
        <source> · %n device(s)</source>
        <translation>
            <numerusform> · %n 台设备</numerusform>
        </translation>
    </message>
    <message>
        <source>Period: %1</source>
        <translation>期间：%1</translation>
    </message>
    <message>
        <source>Satisfaction target: %1</source>
        <translation>满意度目标：%1</translation>
    </message>
    <message>
        <source>target %1</source>
        <translation>目标 %1</translation>
    </message>
    <message>
        <source>%1 (continued)</source>
        <translation>%1（续）</translation>
    </message>
    <message>
        <source>Nothing in this period.</source>
        <translation>本期没有记录。</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>次数</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <source>Cumulative</source>
        <translation>累计</translation>
    </message>
    <message>
        <source>Page %1 / %2</source>
        <translation>第 %1 / %2 页</translation>
    </message>
    <message>
        <source>There is no report to export yet.</source>
        <translation>还没有可导出的报表。</translation>
    </message>
    <message>
        <source>%1: this version cannot print sections of kind &quot;%2&quot;.</source>
        <translation>%1：此版本无法打印“%2”类型的部分。</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
    <message>
        <source> · %1 has never synced</source>
        <translation> · %1 从未同步</translation>
    </message>
    <message>
        <source>Purged up to %1. %2</source>
        <translation>已清除至 %1。%2</translation>
    </message>
</context>
<context>
    <name>ReportSection</name>
    <message>
        <source>This version of the app cannot show sections of kind “%1”.</source>
        <translation>此版本的应用无法显示“%1”类型的部分。</translation>
    </message>
</context>
<context>
    <name>ReportTable</name>
    <message>
        <source>Nothing in this period.</source>
        <translation>本期没有记录。</translation>
    </message>
</context>
<context>
    <name>ReportTiles</name>
    <message>
        <source>target %1</source>
        <translation>目标 %1</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <source>Weekly complaints</source>
        <translation>每周投诉</translation>
    </message>
    <message>
        <source>Monthly complaints</source>
        <translation>月度投诉</translation>
    </message>
    <message>
        <source>Quarterly analysis</source>
        <translation>季度分析</translation>
    </message>
    <message>
        <source>Half-yearly satisfaction</source>
        <translation>半年满意度</translation>
    </message>
    <message>
        <source>Annual complaint summary</source>
        <translation>年度投诉总结</translation>
    </message>
    <message>
        <source>Annual survey</source>
        <translation>年度满意度调查</translation>
    </message>
    <message>
        <source>Inspections and patrols</source>
        <translation>检查与巡更</translation>
    </message>
    <message>
        <source>KPIs</source>
        <translation>关键指标</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>小区</translation>
    </message>
    <message>
        <source>Management office</source>
        <translation>管理处</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>All departments</source>
        <translation>全部部门</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>已保存到 %1</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>请选择…</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>本期</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>查看</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>CSV</source>
        <translation>CSV</translation>
    </message>
    <message>
        <source>as of %1</source>
        <translation>数据截至 %1</translation>
    </message>
    <message>
        <source>least recent sync: %1 at %2</source>
        <translation>最久未同步：%1（%2）</translation>
    </message>
    <message>
        <source>Choose a report and press Show.</source>
        <translation>选择报表后按“查看”。</translation>
    </message>
    <message>
        <source>%1 has never synced</source>
        <translation>%1 从未同步</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>报表</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>范围</translation>
    </message>
    <message>
        <source>Office or community</source>
        <translation>管理处或小区</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Previous period</source>
        <translation>上一期</translation>
    </message>
    <message>
        <source>Next period</source>
        <translation>下一期</translation>
    </message>
    <message>
        <source>Purged up to %1. %2</source>
        <translation>已清除至 %1。%2</translation>
    </message>
</context>
<context>
    <name>RoutesPage</name>
    <message>
        <source>Patrol routes</source>
        <translation>巡更路线</translation>
    </message>
    <message>
        <source>Saved. Tablets of the community get the route at their next sync.</source>
        <translation>已保存。该小区的平板下次同步时获得此路线。</translation>
    </message>
    <message>
        <source>Draw a route</source>
        <translation>新建路线</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>路线</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>小区</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Checkpoints</source>
        <translation>巡更点</translation>
    </message>
    <message>
        <source>Due at</source>
        <translation>巡更时间</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>when started</source>
        <translation>随时开始</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>No patrol routes yet.</source>
        <translation>还没有巡更路线。</translation>
    </message>
    <message>
        <source>A new route</source>
        <translation>新路线</translation>
    </message>
    <message>
        <source>Route %1</source>
        <translation>路线 %1</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Letters, digits and dashes, e.g. route-garage; it cannot change later.</source>
        <translation>字母、数字和连字符，例如 route-garage；保存后不能更改。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Walked by</source>
        <translation>巡更部门</translation>
    </message>
    <message>
        <source>The department whose guards are told when a round is due or missed.</source>
        <translation>巡更到时或漏巡时通知该部门的队员。</translation>
    </message>
    <message>
        <source>Active: guards may walk it, and its schedule makes rounds</source>
        <translation>启用：队员可以巡这条路线，排班按时生成巡更</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>排班</translation>
    </message>
    <message>
        <source>Due at (times of day)</source>
        <translation>巡更时间（每天）</translation>
    </message>
    <message>
        <source>e.g. 22:00, 02:00; empty: rounds are walked when someone starts one.</source>
        <translation>例如 22:00, 02:00；留空：有人开始时才巡更。</translation>
    </message>
    <message>
        <source>Tolerance (minutes)</source>
        <translation>允许偏差（分钟）</translation>
    </message>
    <message>
        <source>A round started this long before or after its time counts; 5 to 180.</source>
        <translation>在规定时间前后这么久内开始的巡更都算按时；5 到 180。</translation>
    </message>
    <message>
        <source>On</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>周日</translation>
    </message>
    <message>
        <source>Checkpoints, in walking order</source>
        <translation>巡更点（按巡更顺序）</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Due after (min)</source>
        <translation>开始后（分钟）</translation>
    </message>
    <message>
        <source>Tolerance (min)</source>
        <translation>允许偏差（分钟）</translation>
    </message>
    <message>
        <source>Checkpoint %1 name</source>
        <translation>巡更点 %1 名称</translation>
    </message>
    <message>
        <source>Checkpoint %1 location</source>
        <translation>巡更点 %1 位置</translation>
    </message>
    <message>
        <source>Checkpoint %1 due after minutes</source>
        <translation>巡更点 %1 开始后分钟数</translation>
    </message>
    <message>
        <source>Checkpoint %1 tolerance minutes</source>
        <translation>巡更点 %1 允许偏差分钟数</translation>
    </message>
    <message>
        <source>Earlier</source>
        <translation>提前</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>延后</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Add a checkpoint</source>
        <translation>添加巡更点</translation>
    </message>
    <message>
        <source>Save the route</source>
        <translation>保存路线</translation>
    </message>
    <message>
        <source>Print the QR sheet…</source>
        <translation>打印二维码…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Save the QR sheet as PDF</source>
        <translation>将二维码保存为 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>The QR sheet is in %1: print it and put each code up at its checkpoint.</source>
        <translation>二维码已保存到 %1：打印后把每个二维码贴在对应的巡更点。</translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <source>Switch user</source>
        <translation>切换用户</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Who is working?</source>
        <translation>谁在当班？</translation>
    </message>
    <message>
        <source>Staff number</source>
        <translation>工号</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN码</translation>
    </message>
    <message>
        <source>Sign out %1</source>
        <translation>退出登录（%1）</translation>
    </message>
    <message>
        <source>No staff on this tablet yet: it needs one sync with the server first.</source>
        <translation>本平板上还没有员工信息：需要先与服务器同步一次。</translation>
    </message>
    <message>
        <source>The two new PINs differ.</source>
        <translation>两次输入的新 PIN 不一致。</translation>
    </message>
    <message>
        <source>PIN changed. Use the new PIN from now on, on every tablet.</source>
        <translation>PIN 已修改。今后在每台平板上都使用新 PIN。</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在核对…</translation>
    </message>
    <message>
        <source>Change the PIN of %1</source>
        <translation>修改 %1 的 PIN</translation>
    </message>
    <message>
        <source>Current PIN</source>
        <translation>当前 PIN</translation>
    </message>
    <message>
        <source>New PIN</source>
        <translation>新 PIN</translation>
    </message>
    <message>
        <source>New PIN again</source>
        <translation>再次输入新 PIN</translation>
    </message>
    <message>
        <source>Change PIN</source>
        <translation>修改 PIN</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>SignaturePad</name>
    <message>
        <source>Sign here</source>
        <translation>请在此签名</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>签名</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>已签名</translation>
    </message>
</context>
<context>
    <name>SortHeadings</name>
    <message>
        <source>Sort by %1</source>
        <translation>按%1排序</translation>
    </message>
</context>
<context>
    <name>StaffPage</name>
    <message>
        <source>Staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <source>The new PIN is set. Every earlier sign-in of this person is withdrawn; they sign in online with the new PIN.</source>
        <translation>新 PIN 已设置。此人此前的所有登录均已撤销；请用新 PIN 联网登录。</translation>
    </message>
    <message>
        <source>Add a person</source>
        <translation>新增员工</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>A new person</source>
        <translation>新增员工</translation>
    </message>
    <message>
        <source>Staff number</source>
        <translation>工号</translation>
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
        <source>Position</source>
        <translation>职位</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Communities</source>
        <translation>小区</translation>
    </message>
    <message>
        <source>None ticked: every community (company-level staff).</source>
        <translation>都不勾选：所有小区（公司级员工）。</translation>
    </message>
    <message>
        <source>First PIN</source>
        <translation>初始 PIN</translation>
    </message>
    <message>
        <source>Tell it to the person in private; they can change it on any tablet.</source>
        <translation>请私下告知本人；本人可在任意平板上修改。</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>筛选</translation>
    </message>
    <message>
        <source>Filter by number, name, department, role or community</source>
        <translation>按工号、姓名、部门、角色或小区筛选</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>工号</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>在职</translation>
    </message>
    <message>
        <source>Deactivated</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>No staff listed yet.</source>
        <translation>暂无员工。</translation>
    </message>
    <message>
        <source>Nobody matches the filter.</source>
        <translation>没有符合筛选条件的员工。</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Save the move</source>
        <translation>保存调动</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Activate</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>A new PIN</source>
        <translation>设置新 PIN</translation>
    </message>
    <message>
        <source>New PIN</source>
        <translation>新 PIN</translation>
    </message>
    <message>
        <source>Set the PIN</source>
        <translation>设置 PIN</translation>
    </message>
</context>
<context>
    <name>SuggestionIntakePage</name>
    <message>
        <source>New suggestion</source>
        <translation>新建建议</translation>
    </message>
    <message>
        <source>How it came in</source>
        <translation>受理渠道</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>The suggestion</source>
        <translation>建议内容</translation>
    </message>
    <message>
        <source>Reply agreed by</source>
        <translation>约定答复时间</translation>
    </message>
    <message>
        <source>Without an agreed time the reply is due in 3 days.</source>
        <translation>未约定时间的，须在3天内答复。</translation>
    </message>
    <message>
        <source>Save suggestion</source>
        <translation>保存建议</translation>
    </message>
</context>
<context>
    <name>SupervisorPage</name>
    <message>
        <source>Supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <source>To assign (%1)</source>
        <translation>待指派（%1）</translation>
    </message>
    <message>
        <source>Weekly review</source>
        <translation>每周审阅</translation>
    </message>
    <message>
        <source>Arrangement notices</source>
        <translation>工作安排通知单</translation>
    </message>
    <message>
        <source>Kiosk notices</source>
        <translation>自助机公告</translation>
    </message>
    <message>
        <source>Handler</source>
        <translation>处理人</translation>
    </message>
    <message>
        <source>Assign</source>
        <translation>指派</translation>
    </message>
    <message>
        <source>Open ›</source>
        <translation>打开 ›</translation>
    </message>
    <message>
        <source>Every complaint has a handler.</source>
        <translation>所有投诉都已指派处理人。</translation>
    </message>
    <message>
        <source>‹ Week before</source>
        <translation>‹ 上一周</translation>
    </message>
    <message>
        <source>Week of %1 · %2</source>
        <translation>%1起的一周 · %2</translation>
    </message>
    <message>
        <source>Week after ›</source>
        <translation>下一周 ›</translation>
    </message>
    <message>
        <source>Complaint records</source>
        <translation>投诉记录</translation>
    </message>
    <message>
        <source>Transfer sheets</source>
        <translation>工作传签单</translation>
    </message>
    <message>
        <source>Still open</source>
        <translation>未结</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已超期</translation>
    </message>
    <message>
        <source>Review notes</source>
        <translation>审阅意见</translation>
    </message>
    <message>
        <source>Record this week&apos;s review</source>
        <translation>记录本周审阅</translation>
    </message>
    <message>
        <source>Review recorded.</source>
        <translation>审阅已记录。</translation>
    </message>
    <message>
        <source>New arrangement notice</source>
        <translation>新建工作安排通知单</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Assignee (optional)</source>
        <translation>负责人（选填）</translation>
    </message>
    <message>
        <source>Instructions</source>
        <translation>工作要求</translation>
    </message>
    <message>
        <source>Done by</source>
        <translation>完成期限</translation>
    </message>
    <message>
        <source>Issue notice</source>
        <translation>签发通知单</translation>
    </message>
    <message>
        <source>+ New notice</source>
        <translation>+ 新建公告</translation>
    </message>
</context>
<context>
    <name>SurveyPage</name>
    <message>
        <source>Surveys</source>
        <translation>满意度调查</translation>
    </message>
    <message>
        <source>Plan a survey</source>
        <translation>安排调查</translation>
    </message>
    <message>
        <source>Open surveys</source>
        <translation>进行中的调查</translation>
    </message>
    <message>
        <source>No survey is open in this community.</source>
        <translation>本小区目前没有进行中的调查。</translation>
    </message>
    <message>
        <source>%1 of %2 households answered</source>
        <translation>已完成%1/%2户</translation>
    </message>
    <message>
        <source>Campaign ›</source>
        <translation>调查详情 ›</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>意见</translation>
    </message>
    <message>
        <source>Save answers</source>
        <translation>保存答卷</translation>
    </message>
    <message>
        <source>Not at home</source>
        <translation>不在家</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>拒访</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Households to visit</source>
        <translation>待走访住户</translation>
    </message>
    <message>
        <source>★ focused household (complained or dissatisfied before)</source>
        <translation>★ 重点住户（曾投诉或曾表示不满意）</translation>
    </message>
    <message>
        <source>Other surveys</source>
        <translation>其他调查</translation>
    </message>
</context>
<context>
    <name>SurveyPlanPage</name>
    <message>
        <source>Plan a survey</source>
        <translation>安排调查</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Categories asked</source>
        <translation>调查项目</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <source>Draw the sample and open</source>
        <translation>抽取样本并开始调查</translation>
    </message>
</context>
<context>
    <name>SymbolsLayout</name>
    <message>
        <source>Letters</source>
        <translation>返回</translation>
    </message>
</context>
<context>
    <name>SyncBar</name>
    <message>
        <source>Never synced</source>
        <translation>从未同步</translation>
    </message>
    <message>
        <source>Synced just now</source>
        <translation>刚刚已同步</translation>
    </message>
    <message>
        <source>Synced %1 min ago</source>
        <translation>%1分钟前已同步</translation>
    </message>
    <message>
        <source>Synced %1</source>
        <translation>同步于%1</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>正在同步…</translation>
    </message>
    <message>
        <source>Offline — working locally</source>
        <translation>离线 — 本机照常工作</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting to send</source>
        <translation>
            <numerusform>%n项待发送</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing waiting</source>
        <translation>无待发送</translation>
    </message>
    <message numerus="yes">
        <source>%n refused</source>
        <translation>
            <numerusform>%n项被拒绝</numerusform>
        </translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <source>Server busy — next try at %1</source>
        <translation>服务器繁忙 — %1 再试</translation>
    </message>
    <message>
        <source>Offline — next try at %1</source>
        <translation>离线 — 将于 %1 重试</translation>
    </message>
    <message>
        <source>Not enrolled — enrol to sync</source>
        <translation>未注册 — 注册后才能同步</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>not set up</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source>This device</source>
        <translation>本设备</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>连接状态</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>正在同步…</translation>
    </message>
    <message>
        <source>Reached the server</source>
        <translation>已连接服务器</translation>
    </message>
    <message>
        <source>Offline — everything is kept on this device</source>
        <translation>离线 — 所有数据都保存在本设备上</translation>
    </message>
    <message>
        <source>Last complete sync</source>
        <translation>上次完整同步</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未同步</translation>
    </message>
    <message>
        <source>Waiting to send</source>
        <translation>待发送</translation>
    </message>
    <message numerus="yes">
        <source>%n changes</source>
        <translation>
            <numerusform>%n项更改</numerusform>
        </translation>
    </message>
    <message>
        <source>Automatic sync</source>
        <translation>自动同步</translation>
    </message>
    <message numerus="yes">
        <source>every %n seconds</source>
        <translation>
            <numerusform>每%n秒</numerusform>
        </translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <source>Refused by the server</source>
        <translation>被服务器拒绝</translation>
    </message>
    <message>
        <source>Nothing was refused</source>
        <translation>没有被拒绝的操作</translation>
    </message>
    <message>
        <source>new record</source>
        <translation>新建记录</translation>
    </message>
    <message>
        <source>Open the record</source>
        <translation>打开记录</translation>
    </message>
    <message>
        <source>Understood</source>
        <translation>知道了</translation>
    </message>
    <message>
        <source>Next try</source>
        <translation>下次尝试</translation>
    </message>
    <message>
        <source>the server asked this device to wait</source>
        <translation>服务器要求本设备稍候</translation>
    </message>
    <message>
        <source>the server could not be reached</source>
        <translation>无法连接服务器</translation>
    </message>
</context>
<context>
    <name>TabletShell</name>
    <message>
        <source>My work</source>
        <translation>我的工作</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Suggestions</source>
        <translation>建议</translation>
    </message>
    <message>
        <source>Inspections</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>Patrols</source>
        <translation>巡更</translation>
    </message>
    <message>
        <source>Rectification</source>
        <translation>整改</translation>
    </message>
    <message>
        <source>Surveys</source>
        <translation>满意度调查</translation>
    </message>
    <message>
        <source>Handover</source>
        <translation>交接班</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <source>Courtyard</source>
        <translation>Courtyard</translation>
    </message>
    <message>
        <source>%1 · %2 ▾</source>
        <translation>%1 · %2 ▾</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <source>Switch language</source>
        <translation>切换语言</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>小区</translation>
    </message>
    <message>
        <source>Signed in: %1, %2. Switch person</source>
        <translation>已登录：%1，%2。切换人员</translation>
    </message>
    <message>
        <source>%1 (%2 new)</source>
        <translation>%1（%2 项新）</translation>
    </message>
    <message>
        <source>Open my work</source>
        <translation>打开我的工作</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>关闭提示</translation>
    </message>
</context>
<context>
    <name>TemplatesPage</name>
    <message>
        <source>Inspection templates</source>
        <translation>检查模板</translation>
    </message>
    <message>
        <source>Saved. Tablets get the template at their next sync; inspections already started keep their items.</source>
        <translation>已保存。平板在下次同步时获得该模板；已开始的检查保留原有检查项。</translation>
    </message>
    <message>
        <source>New template</source>
        <translation>新建模板</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Where it applies</source>
        <translation>适用范围</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>筛选</translation>
    </message>
    <message>
        <source>Filter by name or id</source>
        <translation>按名称或编号筛选</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Applies to</source>
        <translation>适用于</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>检查项</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>No inspection templates yet.</source>
        <translation>还没有检查模板。</translation>
    </message>
    <message>
        <source>No template matches the filter.</source>
        <translation>没有符合筛选条件的模板。</translation>
    </message>
    <message>
        <source>A new template</source>
        <translation>新模板</translation>
    </message>
    <message>
        <source>Template %1</source>
        <translation>模板 %1</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Letters, digits and dashes, e.g. t-lobby; it cannot change later.</source>
        <translation>字母、数字和连字符，例如 t-lobby；保存后不能更改。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Inspects</source>
        <translation>检查对象</translation>
    </message>
    <message>
        <source>Active: inspectors may start inspections on it</source>
        <translation>启用：检查人员可以按此模板开始检查</translation>
    </message>
    <message>
        <source>Grading scale, best first</source>
        <translation>评分等级（由好到差）</translation>
    </message>
    <message>
        <source>Grade id</source>
        <translation>等级编号</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Passes</source>
        <translation>合格</translation>
    </message>
    <message>
        <source>Grade %1 id</source>
        <translation>等级 %1 编号</translation>
    </message>
    <message>
        <source>Grade %1 label</source>
        <translation>等级 %1 名称</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Add a grade</source>
        <translation>添加等级</translation>
    </message>
    <message>
        <source>Items, in the order the inspector meets them</source>
        <translation>检查项（按检查顺序）</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Hint</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>On a fail</source>
        <translation>不合格时</translation>
    </message>
    <message>
        <source>Item %1 title</source>
        <translation>检查项 %1 标题</translation>
    </message>
    <message>
        <source>Item %1 hint</source>
        <translation>检查项 %1 提示</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>拍照</translation>
    </message>
    <message>
        <source>Item %1: a photo when it fails</source>
        <translation>检查项 %1：不合格时须拍照</translation>
    </message>
    <message>
        <source>Earlier</source>
        <translation>提前</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>延后</translation>
    </message>
    <message>
        <source>Add an item</source>
        <translation>添加检查项</translation>
    </message>
    <message>
        <source>Save the template</source>
        <translation>保存模板</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>UnitPicker</name>
    <message>
        <source>Type building and flat, e.g. 1 1-502</source>
        <translation>输入楼栋和房号，如：1 1-502</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>No such flat in this community</source>
        <translation>本小区没有这个房号</translation>
    </message>
    <message>
        <source>Building</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <source>Flat</source>
        <translation>房号</translation>
    </message>
    <message>
        <source>%1 · owner %2 · %3 · %4</source>
        <translation>%1 · 业主 %2 · %3 · %4</translation>
    </message>
    <message>
        <source>occupied</source>
        <translation>已入住</translation>
    </message>
    <message>
        <source>vacant</source>
        <translation>空置</translation>
    </message>
</context>
<context>
    <name>courtyard::client::AdminClient</name>
    <message>
        <source>The app is not set up.</source>
        <translation>应用尚未设置。</translation>
    </message>
    <message>
        <source>This computer is not enrolled with a server.</source>
        <translation>本机尚未在服务器上注册。</translation>
    </message>
    <message>
        <source>Sign in as an administrator first.</source>
        <translation>请先以管理员身份登录。</translation>
    </message>
    <message>
        <source>The server at %1 cannot be reached (%2). The admin console works only while it can reach the server.</source>
        <translation>无法连接服务器 %1（%2）。管理控制台只能在能连上服务器时使用。</translation>
    </message>
    <message>
        <source>The server refused: %1</source>
        <translation>服务器拒绝：%1</translation>
    </message>
    <message>
        <source>The server answered with something that is not JSON.</source>
        <translation>服务器返回的内容不是 JSON。</translation>
    </message>
</context>
<context>
    <name>courtyard::client::CalendarAdmin</name>
    <message>
        <source>Choose a calendar first.</source>
        <translation>请先选择日历。</translation>
    </message>
</context>
<context>
    <name>courtyard::client::CommunityAdmin</name>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>id: give the office an id, e.g. of-east</source>
        <translation>id：请填写管理处编号，如 of-east</translation>
    </message>
    <message>
        <source>id: give the department an id, e.g. d-garden</source>
        <translation>id：请填写部门编号，如 d-garden</translation>
    </message>
    <message>
        <source>%1 is neither UTF-8 nor GBK text: save it from the spreadsheet as CSV UTF-8</source>
        <translation>%1 既不是 UTF-8 也不是 GBK 文本：请在表格软件中另存为“CSV UTF-8”</translation>
    </message>
</context>
<context>
    <name>courtyard::client::EnrolmentController</name>
    <message>
        <source>The address must start with http:// or https://.</source>
        <translation>地址必须以 http:// 或 https:// 开头。</translation>
    </message>
    <message>
        <source>Type the enrolment code the administrator&apos;s console shows.</source>
        <translation>请输入管理员控制台上显示的注册码。</translation>
    </message>
    <message>
        <source>The server at %1 cannot be reached: %2</source>
        <translation>无法连接服务器 %1：%2</translation>
    </message>
    <message>
        <source>This code has been used already. Ask the administrator for a new one.</source>
        <translation>此注册码已被使用。请向管理员索取新的注册码。</translation>
    </message>
    <message>
        <source>This code has expired. Ask the administrator for a new one.</source>
        <translation>此注册码已过期。请向管理员索取新的注册码。</translation>
    </message>
    <message>
        <source>The server does not know this code. Check it letter by letter.</source>
        <translation>服务器不认识这个注册码。请逐个字符核对。</translation>
    </message>
    <message>
        <source>The server&apos;s answer held no token.</source>
        <translation>服务器的回复中没有令牌。</translation>
    </message>
    <message>
        <source>The token could not be kept on this device.</source>
        <translation>无法在本设备上保存令牌。</translation>
    </message>
    <message>
        <source>That QR code is not an enrolment code. Scan the one the admin console shows under Devices, or type the address and the code.</source>
        <translation>这个二维码不是注册码。请扫描管理控制台“设备”页显示的二维码，或手动输入服务器地址和注册码。</translation>
    </message>
    <message>
        <source>The picture %1 cannot be opened.</source>
        <translation>无法打开图片 %1。</translation>
    </message>
    <message>
        <source>No QR code found in that picture. Try another, or type the address and the code.</source>
        <translation>这张图片里没有找到二维码。请换一张，或手动输入服务器地址和注册码。</translation>
    </message>
</context>
<context>
    <name>courtyard::client::InboxModel</name>
    <message numerus="yes">
        <source>New in your inbox (%n): %1</source>
        <translation>
            <numerusform>待办中有新事项（%n）：%1</numerusform>
        </translation>
    </message>
    <message>
        <source>Courtyard</source>
        <translation>Courtyard</translation>
    </message>
</context>
<context>
    <name>courtyard::client::KioskController</name>
    <message>
        <source>Please choose your building and flat.</source>
        <translation>请选择您的楼栋和房号。</translation>
    </message>
    <message>
        <source>Please say what it is about.</source>
        <translation>请说明是什么事。</translation>
    </message>
    <message>
        <source>This flat has sent several messages in the last hour. We have them all; for anything urgent please call the management office.</source>
        <translation>这一户在一小时内已提交了多条留言，我们都已收到；如有急事，请直接打电话给管理处。</translation>
    </message>
    <message>
        <source>There is no survey running now.</source>
        <translation>目前没有正在进行的调查。</translation>
    </message>
    <message>
        <source>Please choose a face for at least one question.</source>
        <translation>请至少为一项选择一个表情。</translation>
    </message>
    <message>
        <source>Your household has already answered this survey. Thank you!</source>
        <translation>您家已经参加过本次调查，谢谢！</translation>
    </message>
    <message>
        <source>The administrator PIN is already set.</source>
        <translation>管理员PIN码已经设置过了。</translation>
    </message>
    <message>
        <source>Too many wrong PINs: try again in %1 seconds.</source>
        <translation>PIN 错误次数过多：请 %1 秒后再试。</translation>
    </message>
    <message>
        <source>That is not the administrator PIN.</source>
        <translation>这不是管理员 PIN。</translation>
    </message>
    <message>
        <source>This kiosk has taken many messages in the last hour. We have them all; for anything urgent please call the management office.</source>
        <translation>这台自助机在过去一小时内已收到很多留言，我们都已收到；如有急事，请致电物业服务中心。</translation>
    </message>
</context>
<context>
    <name>courtyard::client::Media</name>
    <message>
        <source>The signature pad is empty.</source>
        <translation>签名板上还没有签名。</translation>
    </message>
    <message>
        <source>Cannot read %1</source>
        <translation>无法读取%1</translation>
    </message>
    <message>
        <source>Route %1 has no checkpoints on this device.</source>
        <translation>本设备上的路线%1没有巡更点。</translation>
    </message>
</context>
<context>
    <name>courtyard::client::PolicyAdmin</name>
    <message>
        <source>Urgent complaint: reply within</source>
        <translation>紧急投诉：答复时限</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>小时</translation>
    </message>
    <message>
        <source>Complaint: reply within</source>
        <translation>投诉：答复时限</translation>
    </message>
    <message>
        <source>working days</source>
        <translation>个工作日</translation>
    </message>
    <message>
        <source>Invalid complaint: explain within</source>
        <translation>无效投诉：解释时限</translation>
    </message>
    <message>
        <source>Suggestion: reply within</source>
        <translation>建议：答复时限</translation>
    </message>
    <message>
        <source>days</source>
        <translation>天</translation>
    </message>
    <message>
        <source>Return visit within</source>
        <translation>回访时限</translation>
    </message>
    <message>
        <source>Transfer sheet: arrange within</source>
        <translation>传递单：安排时限</translation>
    </message>
    <message>
        <source>Rectification: accept within</source>
        <translation>整改：验收时限</translation>
    </message>
    <message>
        <source>&quot;Due soon&quot; in the inbox before a deadline</source>
        <translation>到期前在待办中提示“即将到期”</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>分钟</translation>
    </message>
    <message>
        <source>Monthly survey sample of occupied households</source>
        <translation>每月回访抽样（占入住户数）</translation>
    </message>
    <message>
        <source>Annual survey sample</source>
        <translation>年度满意度调查抽样</translation>
    </message>
    <message>
        <source>Lowest acceptable return rate</source>
        <translation>最低问卷回收率</translation>
    </message>
    <message>
        <source>For each step below the return rate of</source>
        <translation>回收率每低于下限</translation>
    </message>
    <message>
        <source>… satisfaction is lowered by</source>
        <translation>……满意度扣减</translation>
    </message>
    <message>
        <source>points</source>
        <translation>分</translation>
    </message>
    <message>
        <source>Satisfaction target</source>
        <translation>满意度目标</translation>
    </message>
    <message>
        <source>points of 100</source>
        <translation>分（百分制）</translation>
    </message>
    <message>
        <source>An answer counts as satisfied from</source>
        <translation>评分达到此值即计为满意</translation>
    </message>
    <message>
        <source>of 5</source>
        <translation>分（五分制）</translation>
    </message>
    <message>
        <source>Community activities: visit participants</source>
        <translation>社区活动：回访参与者比例</translation>
    </message>
    <message>
        <source>Community activities: satisfaction target</source>
        <translation>社区活动：满意度目标</translation>
    </message>
    <message>
        <source>Complaint grade by validity, controllability and reach</source>
        <translation>按有效性、可控性和影响范围确定的投诉等级</translation>
    </message>
    <message>
        <source>Who is told at each grade</source>
        <translation>各等级通知的人员</translation>
    </message>
    <message>
        <source>Escalation of overdue work</source>
        <translation>逾期工作的升级</translation>
    </message>
    <message>
        <source>Shortest PIN</source>
        <translation>PIN 最短长度</translation>
    </message>
    <message>
        <source>digits</source>
        <translation>位</translation>
    </message>
    <message>
        <source>Wrong PINs in a row without a wait</source>
        <translation>连续输错 PIN 不需等待的次数</translation>
    </message>
    <message>
        <source>First wait after them</source>
        <translation>之后的首次等待</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>秒</translation>
    </message>
    <message>
        <source>Longest wait</source>
        <translation>最长等待</translation>
    </message>
    <message>
        <source>Wrong PINs offline before an online sign-in is needed</source>
        <translation>离线输错 PIN 多少次后须联网登录</translation>
    </message>
    <message>
        <source>A sign-in is good for</source>
        <translation>登录凭据有效期</translation>
    </message>
    <message>
        <source>Grace for work done before it ran out</source>
        <translation>过期前所做操作的宽限期</translation>
    </message>
    <message>
        <source>Sign out an idle tablet after</source>
        <translation>平板闲置后自动退出登录</translation>
    </message>
    <message>
        <source>An enrolment code is good for</source>
        <translation>注册码有效期</translation>
    </message>
    <message>
        <source>Correct device clocks off by more than</source>
        <translation>设备时钟偏差超过此值即校正</translation>
    </message>
    <message>
        <source>Kiosk submissions per flat</source>
        <translation>自助终端每户提交次数</translation>
    </message>
    <message>
        <source>per hour</source>
        <translation>次/小时</translation>
    </message>
    <message>
        <source>Kiosk submissions per kiosk</source>
        <translation>每台自助终端提交次数</translation>
    </message>
    <message>
        <source>Pushes per device</source>
        <translation>每台设备上传次数</translation>
    </message>
    <message>
        <source>per minute</source>
        <translation>次/分钟</translation>
    </message>
    <message>
        <source>Pulls per device</source>
        <translation>每台设备拉取次数</translation>
    </message>
    <message>
        <source>Attachments per device</source>
        <translation>每台设备附件流量</translation>
    </message>
    <message>
        <source>MiB per minute</source>
        <translation>MiB/分钟</translation>
    </message>
    <message>
        <source>Unfinished uploads per device</source>
        <translation>每台设备未完成的上传</translation>
    </message>
    <message>
        <source>MiB</source>
        <translation>MiB</translation>
    </message>
    <message>
        <source>Remove an unfinished upload after</source>
        <translation>未完成的上传保留时间</translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; is not a number</source>
        <translation>%1：“%2”不是数字</translation>
    </message>
    <message>
        <source>Keep a closed complaint for</source>
        <translation>已关闭的投诉保存</translation>
    </message>
    <message>
        <source>Keep a replied suggestion for</source>
        <translation>已回复的建议保存</translation>
    </message>
    <message>
        <source>Keep a closed transfer sheet for</source>
        <translation>已关闭的转办单保存</translation>
    </message>
    <message>
        <source>Blank residents&apos; names and phones after (0: with the record)</source>
        <translation>业主姓名和电话提前抹去（0：随记录一起清除）</translation>
    </message>
</context>
<context>
    <name>courtyard::client::ReportController</name>
    <message>
        <source>The app is not set up.</source>
        <translation>应用尚未设置。</translation>
    </message>
    <message>
        <source>This tablet is not enrolled with a server.</source>
        <translation>本平板尚未登记到服务器。</translation>
    </message>
    <message>
        <source>Sign in to read reports.</source>
        <translation>请先登录再查看报表。</translation>
    </message>
    <message>
        <source>Choose a report.</source>
        <translation>请选择报表。</translation>
    </message>
    <message>
        <source>Choose a management office.</source>
        <translation>请选择管理处。</translation>
    </message>
    <message>
        <source>Choose a community.</source>
        <translation>请选择小区。</translation>
    </message>
    <message>
        <source>No file name for the export.</source>
        <translation>导出缺少文件名。</translation>
    </message>
    <message>
        <source>Reports need a connection to the server; last loaded %1 (%2, %3).</source>
        <translation>报表需要连接服务器；上次加载于 %1（%2，%3）。</translation>
    </message>
    <message>
        <source>Reports need a connection to the server; none loaded yet.</source>
        <translation>报表需要连接服务器；尚未加载过报表。</translation>
    </message>
    <message>
        <source>Not allowed: %1</source>
        <translation>无权查看：%1</translation>
    </message>
    <message>
        <source>The server refused the request: %1</source>
        <translation>服务器拒绝了请求：%1</translation>
    </message>
    <message>
        <source>The server does not accept this tablet: %1</source>
        <translation>服务器不接受本平板：%1</translation>
    </message>
    <message>
        <source>The server has no such report: %1</source>
        <translation>服务器没有此报表：%1</translation>
    </message>
    <message>
        <source>The server could not make the report (%1): %2</source>
        <translation>服务器无法生成报表（%1）：%2</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
    <message>
        <source>The server&apos;s answer is not a report: %1</source>
        <translation>服务器的回复不是报表：%1</translation>
    </message>
    <message>
        <source>Load a report first.</source>
        <translation>请先查看报表。</translation>
    </message>
</context>
<context>
    <name>courtyard::client::RouteAdmin</name>
    <message>
        <source>A route needs an id (letters, digits, &apos;-&apos; or &apos;_&apos;), e.g. route-garage.</source>
        <translation>路线需要编号（字母、数字、“-”或“_”），例如 route-garage。</translation>
    </message>
    <message>
        <source>The QR sheet could not be written to %1.</source>
        <translation>二维码无法写入 %1。</translation>
    </message>
    <message>
        <source>Save the route first: its checkpoints get their QR codes from the server.</source>
        <translation>请先保存路线：巡更点的二维码由服务器生成。</translation>
    </message>
</context>
<context>
    <name>courtyard::client::SessionController</name>
    <message>
        <source>Staff number or PIN is not right.</source>
        <translation>工号或PIN码不正确。</translation>
    </message>
    <message>
        <source>This person cannot sign in on this tablet (%1).</source>
        <translation>此人员不能在本平板上登录（%1）。</translation>
    </message>
    <message>
        <source>Sign-in is not possible yet: %1</source>
        <translation>暂时无法登录：%1</translation>
    </message>
    <message>
        <source>Too many wrong PINs: try again in %1 seconds.</source>
        <translation>PIN 错误次数过多：请 %1 秒后再试。</translation>
    </message>
    <message>
        <source>Too many wrong PINs: this tablet has forgotten this person&apos;s sign-in. Sign in again while the tablet is online.</source>
        <translation>PIN 错误次数过多：本平板已清除此人的登录凭证。请在平板联网时重新登录。</translation>
    </message>
    <message>
        <source>The first sign-in on this tablet needs the network, which cannot be reached now.</source>
        <translation>在本平板上首次登录需要联网，但现在无法连接网络。</translation>
    </message>
    <message>
        <source>This tablet needs the network to sign this person in (%1).</source>
        <translation>本平板需要联网才能为此人登录（%1）。</translation>
    </message>
    <message>
        <source>That PIN cannot be used: %1</source>
        <translation>不能使用这个 PIN：%1</translation>
    </message>
    <message>
        <source>The server cannot be reached now: %1</source>
        <translation>现在无法连接服务器：%1</translation>
    </message>
    <message>
        <source>This tablet was withdrawn by the office and has erased what it held.</source>
        <translation>本平板已被办公室停用，并已清除其中的数据。</translation>
    </message>
    <message>
        <source>The office withdrew your sign-in on this tablet (PIN changed or reset, or no longer active). Sign in again while the tablet is online.</source>
        <translation>办公室已撤销您在本平板上的登录（PIN 已修改或重置，或账号已停用）。请在平板联网时重新登录。</translation>
    </message>
    <message>
        <source>Signed out after %1 minutes without a touch.</source>
        <translation>%1 分钟无操作，已自动退出登录。</translation>
    </message>
</context>
<context>
    <name>courtyard::client::StaffAdmin</name>
    <message>
        <source>All communities</source>
        <translation>所有小区</translation>
    </message>
</context>
<context>
    <name>courtyard::client::SyncController</name>
    <message>
        <source>Receiving %L1 of about %L2 records</source>
        <translation>正在接收第 %L1 条，共约 %L2 条记录</translation>
    </message>
    <message>
        <source>Receiving %L1 records</source>
        <translation>正在接收 %L1 条记录</translation>
    </message>
</context>
<context>
    <name>courtyard::client::TemplateAdmin</name>
    <message>
        <source>Company-wide</source>
        <translation>全公司通用</translation>
    </message>
    <message>
        <source>Every template</source>
        <translation>全部模板</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>良好</translation>
    </message>
    <message>
        <source>Fair</source>
        <translation>一般</translation>
    </message>
    <message>
        <source>Poor</source>
        <translation>差</translation>
    </message>
    <message>
        <source>A template needs an id (letters, digits, &apos;-&apos; or &apos;_&apos;), e.g. t-lobby.</source>
        <translation>模板需要编号（字母、数字、“-”或“_”），例如 t-lobby。</translation>
    </message>
</context>
</TS>
