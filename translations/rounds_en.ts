<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>Cli</name>
    <message numerus="yes">
        <source>%1 has not reached the server for more than %n day(s): sign in again with rounds-cli --db %2 login %3 %1</source>
        <translation>
            <numerusform>%1 has not reached the server for more than %n day: sign in again with rounds-cli --db %2 login %3 %1</numerusform>
            <numerusform>%1 has not reached the server for more than %n days: sign in again with rounds-cli --db %2 login %3 %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) have not reached the server and would be lost; nothing was deleted. Sync first, or add --discard-unsent to delete them too.</source>
        <translation>
            <numerusform>%n change has not reached the server and would be lost; nothing was deleted. Sync first, or add --discard-unsent to delete it too.</numerusform>
            <numerusform>%n changes have not reached the server and would be lost; nothing was deleted. Sync first, or add --discard-unsent to delete them too.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) queued for download:</source>
        <translation>
            <numerusform>%n file queued for download:</numerusform>
            <numerusform>%n files queued for download:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Dates</name>
    <message numerus="yes">
        <source>in %n day(s)</source>
        <translation>
            <numerusform>in %n day</numerusform>
            <numerusform>in %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n day ago</numerusform>
            <numerusform>%n days ago</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MasterData</name>
    <message numerus="yes">
        <source>%n row(s) are invalid: nothing is imported.</source>
        <translation>
            <numerusform>%n row is invalid: nothing is imported.</numerusform>
            <numerusform>%n rows are invalid: nothing is imported.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rounds::AlignmentEditor</name>
    <message numerus="yes">
        <source>%1 — %n HCP(s)</source>
        <translation>
            <numerusform>%1 — %n HCP</numerusform>
            <numerusform>%1 — %n HCPs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n HCP(s) added</source>
        <translation>
            <numerusform>%n HCP added</numerusform>
            <numerusform>%n HCPs added</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n already aligned here</source>
        <translation>
            <numerusform>, %n already aligned here</numerusform>
            <numerusform>, %n already aligned here</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n alignment(s) ended.</source>
        <translation>
            <numerusform>%n alignment ended.</numerusform>
            <numerusform>%n alignments ended.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n HCP(s) move from %1.</source>
        <translation>
            <numerusform>%n HCP moves from %1.</numerusform>
            <numerusform>%n HCPs move from %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Target set on %n alignment(s).</source>
        <translation>
            <numerusform>Target set on %n alignment.</numerusform>
            <numerusform>Target set on %n alignments.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>End %n alignment(s) in %1: %2.</source>
        <translation>
            <numerusform>End %n alignment in %1: %2.</numerusform>
            <numerusform>End %n alignments in %1: %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 loses %n HCP(s) from %2: they leave the territory&apos;s list and plans. An alignment that has not started is deleted.</source>
        <translation>
            <numerusform>%1 loses %n HCP from %2: it leaves the territory&apos;s list and plans. An alignment that has not started is deleted.</numerusform>
            <numerusform>%1 loses %n HCPs from %2: they leave the territory&apos;s list and plans. An alignment that has not started is deleted.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Move %n HCP(s) from %1 to %2, effective %3: %4.</source>
        <translation>
            <numerusform>Move %n HCP from %1 to %2, effective %3: %4.</numerusform>
            <numerusform>Move %n HCPs from %1 to %2, effective %3: %4.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 loses %n HCP(s) on %2; %3 gains them that day. Until then they stay with %1.</source>
        <translation>
            <numerusform>%1 loses %n HCP on %2; %3 gains it that day. Until then it stays with %1.</numerusform>
            <numerusform>%1 loses %n HCPs on %2; %3 gains them that day. Until then they stay with %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Set the target of %n alignment(s) (%1 in %2) to %3 calls per cycle.</source>
        <translation>
            <numerusform>Set the target of %n alignment (%1 in %2) to %3 calls per cycle.</numerusform>
            <numerusform>Set the target of %n alignments (%1 in %2) to %3 calls per cycle.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Change %n pending change(s): %1 join %2 on %3 instead of %4.</source>
        <translation>
            <numerusform>Change %n pending change: %1 joins %2 on %3 instead of %4.</numerusform>
            <numerusform>Change %n pending changes: %1 join %2 on %3 instead of %4.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 keeps %n HCP(s) until %2; %3 gains them on %4.</source>
        <translation>
            <numerusform>%1 keeps %n HCP until %2; %3 gains it on %4.</numerusform>
            <numerusform>%1 keeps %n HCPs until %2; %3 gains them on %4.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pending change(s) changed.</source>
        <translation>
            <numerusform>%n pending change changed.</numerusform>
            <numerusform>%n pending changes changed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Withdraw %n pending change(s) to %1 effective %2: %3.</source>
        <translation>
            <numerusform>Withdraw %n pending change to %1 effective %2: %3.</numerusform>
            <numerusform>Withdraw %n pending changes to %1 effective %2: %3.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 keeps %n HCP(s); %2 does not gain them.</source>
        <translation>
            <numerusform>%1 keeps %n HCP; %2 does not gain it.</numerusform>
            <numerusform>%1 keeps %n HCPs; %2 does not gain them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 does not gain %n HCP(s).</source>
        <translation>
            <numerusform>%1 does not gain %n HCP.</numerusform>
            <numerusform>%1 does not gain %n HCPs.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pending change(s) withdrawn.</source>
        <translation>
            <numerusform>%n pending change withdrawn.</numerusform>
            <numerusform>%n pending changes withdrawn.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rounds::ApiClient</name>
    <message numerus="yes">
        <source>Too many attempts; try again in %n second(s).</source>
        <translation>
            <numerusform>Too many attempts; try again in %n second.</numerusform>
            <numerusform>Too many attempts; try again in %n seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rounds::ConflictsView</name>
    <message numerus="yes">
        <source>&lt;b&gt;Changes the server refused&lt;/b&gt; (%n)</source>
        <translation>
            <numerusform>&lt;b&gt;Changes the server refused&lt;/b&gt; (%n)</numerusform>
            <numerusform>&lt;b&gt;Changes the server refused&lt;/b&gt; (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rounds::DashboardView</name>
    <message numerus="yes">
        <source>Tier %1: %n target(s) not reached in %2 (double-click to open)</source>
        <translation>
            <numerusform>Tier %1: %n target not reached in %2 (double-click to open)</numerusform>
            <numerusform>Tier %1: %n targets not reached in %2 (double-click to open)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rounds::DuplicatesView</name>
    <message numerus="yes">
        <source>%n likely duplicate pair(s). Choose a pair, the record to keep and the value to keep for each field, then merge: the other record&apos;s visits, plans, tags and alignments move to the one kept.</source>
        <translation>
            <numerusform>%n likely duplicate pair. Choose a pair, the record to keep and the value to keep for each field, then merge: the other record&apos;s visits, plans, tags and alignments move to the one kept.</numerusform>
            <numerusform>%n likely duplicate pairs. Choose a pair, the record to keep and the value to keep for each field, then merge: the other record&apos;s visits, plans, tags and alignments move to the one kept.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Left: %n visit(s), plan(s) and alignment(s). </source>
        <translation>
            <numerusform>Left: %n visit, plan or alignment. </numerusform>
            <numerusform>Left: %n visits, plans and alignments. </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Right: %n visit(s), plan(s) and alignment(s).</source>
        <translation>
            <numerusform>Right: %n visit, plan or alignment.</numerusform>
            <numerusform>Right: %n visits, plans and alignments.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rounds::HcpListView</name>
    <message numerus="yes">
        <source>Not visited for %n days</source>
        <translation>
            <numerusform>Not visited for %n day</numerusform>
            <numerusform>Not visited for %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n or more HCPs</source>
        <translation>
            <numerusform>%n or more HCPs</numerusform>
            <numerusform>%n or more HCPs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n HCPs</source>
        <translation>
            <numerusform>%n HCP</numerusform>
            <numerusform>%n HCPs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n this month</source>
        <translation>
            <numerusform>%n this month</numerusform>
            <numerusform>%n this month</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rounds::HcpProfileView</name>
    <message numerus="yes">
        <source>%n visit(s)</source>
        <translation>
            <numerusform>%n visit</numerusform>
            <numerusform>%n visits</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rounds::HistoryView</name>
    <message numerus="yes">
        <source>%n change(s), oldest first.</source>
        <translation>
            <numerusform>%n change, oldest first.</numerusform>
            <numerusform>%n changes, oldest first.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rounds::LibraryView</name>
    <message numerus="yes">
        <source>The server refused %n change(s) of the library: %1</source>
        <translation>
            <numerusform>The server refused %n change of the library: %1</numerusform>
            <numerusform>The server refused %n changes of the library: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n material(s).</source>
        <translation>
            <numerusform>%n material.</numerusform>
            <numerusform>%n materials.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rounds::MainWindow</name>
    <message numerus="yes">
        <source>%n change(s) waiting to be sent</source>
        <translation>
            <numerusform>%n change waiting to be sent</numerusform>
            <numerusform>%n changes waiting to be sent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s)</source>
        <translation>
            <numerusform>%n conflict</numerusform>
            <numerusform>%n conflicts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n refused</source>
        <translation>
            <numerusform>%n refused</numerusform>
            <numerusform>%n refused</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n waiting for your decision</source>
        <translation>
            <numerusform>%n waiting for your decision</numerusform>
            <numerusform>%n waiting for your decision</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rounds::MasterDataView</name>
    <message numerus="yes">
        <source>%n row(s) are invalid or repeated: correct the file and open it again. Nothing is imported.</source>
        <translation>
            <numerusform>%n row is invalid or repeated: correct the file and open it again. Nothing is imported.</numerusform>
            <numerusform>%n rows are invalid or repeated: correct the file and open it again. Nothing is imported.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (%2): %n row(s) to import</source>
        <translation>
            <numerusform>%1 (%2): %n row to import</numerusform>
            <numerusform>%1 (%2): %n rows to import</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n already there</source>
        <translation>
            <numerusform>, %n already there</numerusform>
            <numerusform>, %n already there</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rounds::MaterialDialog</name>
    <message numerus="yes">
        <source>%n page(s), %1</source>
        <translation>
            <numerusform>%n page, %1</numerusform>
            <numerusform>%n pages, %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rounds::MaterialsView</name>
    <message numerus="yes">
        <source>%n material(s) you may present</source>
        <translation>
            <numerusform>%n material you may present</numerusform>
            <numerusform>%n materials you may present</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n on this computer</source>
        <translation>
            <numerusform>%n on this computer</numerusform>
            <numerusform>%n on this computer</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rounds::MeetingEditor</name>
    <message numerus="yes">
        <source>Counts %n signed-in attendee(s) of %1 planned.</source>
        <translation>
            <numerusform>Counts %n signed-in attendee of %1 planned.</numerusform>
            <numerusform>Counts %n signed-in attendees of %1 planned.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Counts %n planned attendee(s).</source>
        <translation>
            <numerusform>Counts %n planned attendee.</numerusform>
            <numerusform>Counts %n planned attendees.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rounds::PresenterPicker</name>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rounds::Session</name>
    <message numerus="yes">
        <source>%1 has not reached the server for more than %n day(s): sign in with your password to open its data.</source>
        <translation>
            <numerusform>%1 has not reached the server for more than %n day: sign in with your password to open its data.</numerusform>
            <numerusform>%1 has not reached the server for more than %n days: sign in with your password to open its data.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rounds::SignOutDialog</name>
    <message numerus="yes">
        <source>%n change(s) made on this computer have not reached the server (it cannot be reached, or refused them). Removing the data deletes them for good.</source>
        <translation>
            <numerusform>%n change made on this computer has not reached the server (it cannot be reached, or refused it). Removing the data deletes it for good.</numerusform>
            <numerusform>%n changes made on this computer have not reached the server (it cannot be reached, or refused them). Removing the data deletes them for good.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete the %n unsent change(s) too</source>
        <translation>
            <numerusform>Delete the %n unsent change too</numerusform>
            <numerusform>Delete the %n unsent changes too</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rounds::TodayView</name>
    <message numerus="yes">
        <source>%1 — %2
due %3, %n day(s) ago</source>
        <translation>
            <numerusform>%1 — %2
due %3, %n day ago</numerusform>
            <numerusform>%1 — %2
due %3, %n days ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1, %2 and %n more</source>
        <translation>
            <numerusform>%1, %2 and %n more</numerusform>
            <numerusform>%1, %2 and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rounds::UsersView</name>
    <message numerus="yes">
        <source>%n user(s).</source>
        <translation>
            <numerusform>%n user.</numerusform>
            <numerusform>%n users.</numerusform>
        </translation>
    </message>
</context>
</TS>
