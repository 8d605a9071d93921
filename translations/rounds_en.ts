<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
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
</context>
</TS>
