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
</TS>
