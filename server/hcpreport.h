#pragma once

#include <QIODevice>
#include <QJsonObject>
#include <QString>

namespace rounds::server {

// The readable form of an HCP export (server/hcpdossier.h): a PDF in English or Chinese (`language`
// "en" or "zh_CN"), laid out by QTextDocument and written by QPdfWriter with the fonts on the machine
// (Chinese needs a CJK font: fonts-wqy-microhei or fonts-noto-cjk). It needs a QGuiApplication (the
// offscreen platform is enough: rounds-server starts one for `hcp export --pdf`). False with `error`
// when Chinese is asked for and no Chinese translation or font is there.
bool writeHcpReport(
    const QJsonObject &dossier, const QString &language, QIODevice &device, QString *error);

} // namespace rounds::server
