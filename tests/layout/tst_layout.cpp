// The layering rules of docs/architecture.md, read off the source tree: which folder may include
// which, no SQL in the widgets, no product file past 800 lines. A rule broken here is a design
// decision to take in the open (and in architecture.md), not a line to slip in.
#include <QDirIterator>
#include <QFile>
#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

namespace {

// Each component of the product and the components its files may include. The graph is a DAG by
// construction; test_layout also checks the includes actually found for a cycle, to name it.
const QHash<QString, QSet<QString>> &allowedIncludes()
{
    static const QHash<QString, QSet<QString>> allowed = {
        {QStringLiteral("common/sqlite"), {}},
        {QStringLiteral("common/protocol"), {}},
        {QStringLiteral("common/import"), {QStringLiteral("common/protocol")}},
        {QStringLiteral("common/compliance"), {QStringLiteral("common/protocol")}},
        {QStringLiteral("models"),
            {QStringLiteral("common/sqlite"), QStringLiteral("common/protocol"),
                QStringLiteral("common/import"), QStringLiteral("common/compliance")}},
        {QStringLiteral("sync"),
            {QStringLiteral("models"), QStringLiteral("common/sqlite"), QStringLiteral("common/protocol"),
                QStringLiteral("common/import"), QStringLiteral("common/compliance")}},
        // The widgets never see the sqlite layer: every read goes through the client data layer.
        {QStringLiteral("ui"),
            {QStringLiteral("sync"), QStringLiteral("models"), QStringLiteral("common/protocol"),
                QStringLiteral("common/import"), QStringLiteral("common/compliance")}},
        {QStringLiteral("server"),
            {QStringLiteral("common/sqlite"), QStringLiteral("common/protocol"),
                QStringLiteral("common/import"), QStringLiteral("common/compliance")}},
        {QStringLiteral("app"),
            {QStringLiteral("ui"), QStringLiteral("sync"), QStringLiteral("models"),
                QStringLiteral("common/protocol"), QStringLiteral("common/import"),
                QStringLiteral("common/compliance")}},
    };
    return allowed;
}

const QStringList kProductFolders = {QStringLiteral("app"), QStringLiteral("ui"), QStringLiteral("models"),
    QStringLiteral("sync"), QStringLiteral("server"), QStringLiteral("common")};

QString sourceDir()
{
    const QString dir = qEnvironmentVariable("ROUNDS_SOURCE_DIR");
    return dir.isEmpty() ? QStringLiteral(".") : dir;
}

// The component a path (relative to the source root) belongs to: "common/x" inside common/, else
// the top-level folder.
QString componentOf(const QString &relativePath)
{
    const QStringList parts = relativePath.split(QLatin1Char('/'));
    if (parts.size() >= 2 && parts.first() == QLatin1String("common"))
        return parts.size() >= 3 ? parts[0] + QLatin1Char('/') + parts[1] : QStringLiteral("common");
    return parts.first();
}

struct SourceFile
{
    QString path; // relative to the source root
    QStringList lines;
};

QList<SourceFile> productSources()
{
    QList<SourceFile> files;
    const QDir root(sourceDir());
    for (const QString &folder : kProductFolders) {
        QDirIterator it(root.filePath(folder), {QStringLiteral("*.cpp"), QStringLiteral("*.h")}, QDir::Files,
            QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly))
                continue;
            files.append(
                {root.relativeFilePath(path), QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'))});
        }
    }
    std::sort(
        files.begin(), files.end(), [](const SourceFile &a, const SourceFile &b) { return a.path < b.path; });
    return files;
}

// `#include "x/y.h"` lines of the project's own headers.
QStringList projectIncludes(const SourceFile &file)
{
    static const QRegularExpression include(QStringLiteral(R"(^\s*#\s*include\s+"([^"]+)\")"));
    QStringList out;
    for (const QString &line : file.lines) {
        const auto match = include.match(line);
        if (match.hasMatch())
            out.append(match.captured(1));
    }
    return out;
}

// An include of a Qt Widgets header (the module, or one of its classes the project uses).
bool includesAWidget(const QString &line)
{
    static const QRegularExpression widgetInclude(QStringLiteral(
        R"(^\s*#\s*include\s*<(QtWidgets/.*|QtWidgets|QApplication|QWidget|QDialog|QMainWindow|QLabel|QPushButton|QComboBox|QLineEdit|QMessageBox|QTableView|QTreeView|QListView|QHBoxLayout|QVBoxLayout|QFormLayout|QGridLayout|QSplitter|QTabWidget|QSpinBox|QCheckBox|QGroupBox|QScrollArea|QHeaderView|QFileDialog|QStyledItemDelegate)>)"));
    return widgetInclude.match(line).hasMatch();
}

bool hasCycle(const QHash<QString, QSet<QString>> &graph, QStringList *cycle)
{
    enum Mark { White, Grey, Black };
    QHash<QString, Mark> mark;
    QStringList stack;
    std::function<bool(const QString &)> visit = [&](const QString &node) {
        mark[node] = Grey;
        stack.append(node);
        for (const QString &next : graph.value(node)) {
            if (mark.value(next, White) == Grey) {
                *cycle = stack.mid(stack.indexOf(next)) << next;
                return true;
            }
            if (mark.value(next, White) == White && visit(next))
                return true;
        }
        stack.removeLast();
        mark[node] = Black;
        return false;
    };
    QStringList nodes = graph.keys();
    nodes.sort();
    for (const QString &node : nodes)
        if (mark.value(node, White) == White && visit(node))
            return true;
    return false;
}

} // namespace

class TestLayout : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        m_files = productSources();
        QVERIFY2(m_files.size() > 100,
            qPrintable(
                QStringLiteral("found only %1 product files under %2").arg(m_files.size()).arg(sourceDir())));
    }

    void includesFollowTheLayers()
    {
        QStringList broken;
        QHash<QString, QSet<QString>> graph;
        for (const SourceFile &file : std::as_const(m_files)) {
            const QString from = componentOf(file.path);
            for (const QString &include : projectIncludes(file)) {
                if (!include.contains(QLatin1Char('/')))
                    continue; // a generated or system-style header
                const QString to = componentOf(include);
                if (to == from)
                    continue;
                graph[from].insert(to);
                if (!allowedIncludes().contains(from) || !allowedIncludes().value(from).contains(to))
                    broken.append(QStringLiteral("%1 includes %2 (%3 may not depend on %4)")
                                      .arg(file.path, include, from, to));
            }
        }
        QStringList cycle;
        QVERIFY2(!hasCycle(graph, &cycle),
            qPrintable(QStringLiteral("include cycle: ") + cycle.join(QStringLiteral(" -> "))));
        QVERIFY2(broken.isEmpty(), qPrintable(broken.join(QLatin1Char('\n'))));
    }

    void noSqlInTheWidgets()
    {
        // SQL statements in string literals, or the sqlite layer's types: either would be a view that
        // reads the database behind the client data layer's back.
        static const QRegularExpression sqlLiteral(QStringLiteral(
            R"re("[^"]*\b(SELECT\s|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|PRAGMA\s)[^"]*")re"));
        static const QRegularExpression sqliteType(QStringLiteral(R"(\bsql::|\bsqlite3)"));
        QStringList found;
        for (const SourceFile &file : std::as_const(m_files)) {
            if (!file.path.startsWith(QLatin1String("ui/")))
                continue;
            for (int i = 0; i < file.lines.size(); ++i) {
                const QString &line = file.lines[i];
                if (sqlLiteral.match(line).hasMatch() || sqliteType.match(line).hasMatch())
                    found.append(QStringLiteral("%1:%2: %3").arg(file.path).arg(i + 1).arg(line.trimmed()));
            }
        }
        QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char('\n'))));
    }

    // The build itself refuses the sqlite layer in ui/ and app/ (ROUNDS_NO_SQLITE_LAYER): that holds
    // only while every header of the layer carries the guard.
    void everySqliteHeaderCarriesTheGuard()
    {
        QStringList unguarded;
        for (const SourceFile &file : std::as_const(m_files)) {
            if (!file.path.startsWith(QLatin1String("common/sqlite/"))
                || !file.path.endsWith(QLatin1String(".h"))
                || file.path.endsWith(QLatin1String("/layerguard.h")))
                continue;
            if (!projectIncludes(file).contains(QStringLiteral("common/sqlite/layerguard.h")))
                unguarded.append(file.path);
        }
        QVERIFY2(unguarded.isEmpty(), qPrintable(unguarded.join(QLatin1Char('\n'))));
    }

    // The data layer, the sync engine, the shared code and the server build without Qt Widgets
    // (-DROUNDS_BUILD_GUI=OFF builds rounds-server, rounds-cli and rounds_sync); a widget header there
    // would break that build, which CI does not run.
    void noWidgetsBelowTheUi()
    {
        QStringList found;
        for (const SourceFile &file : std::as_const(m_files)) {
            const QString component = componentOf(file.path);
            if (component == QLatin1String("ui") || file.path == QLatin1String("app/main.cpp"))
                continue;
            for (int i = 0; i < file.lines.size(); ++i)
                if (includesAWidget(file.lines[i]))
                    found.append(
                        QStringLiteral("%1:%2: %3").arg(file.path).arg(i + 1).arg(file.lines[i].trimmed()));
        }
        QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char('\n'))));
    }

    void noProductFileOver800Lines()
    {
        QStringList tooLong;
        for (const SourceFile &file : std::as_const(m_files)) {
            // split('\n') counts one more than `wc -l` when the file ends with a newline
            const int lines = file.lines.size() - (file.lines.last().isEmpty() ? 1 : 0);
            if (lines > 800)
                tooLong.append(QStringLiteral("%1: %2 lines").arg(file.path).arg(lines));
        }
        QVERIFY2(tooLong.isEmpty(), qPrintable(tooLong.join(QLatin1Char('\n'))));
    }

    // The checks above must be able to fail: each finds what it looks for in a made-up file.
    void theChecksSeeWhatTheyLookFor()
    {
        QCOMPARE(componentOf(QStringLiteral("common/sqlite/database.h")), QStringLiteral("common/sqlite"));
        QCOMPARE(componentOf(QStringLiteral("ui/hcp/hcplistview.cpp")), QStringLiteral("ui"));
        QVERIFY(!allowedIncludes().value(QStringLiteral("ui")).contains(QStringLiteral("common/sqlite")));
        QVERIFY(!allowedIncludes().value(QStringLiteral("models")).contains(QStringLiteral("sync")));
        QHash<QString, QSet<QString>> cyclic = {{QStringLiteral("models"), {QStringLiteral("sync")}},
            {QStringLiteral("sync"), {QStringLiteral("models")}}};
        QStringList cycle;
        QVERIFY(hasCycle(cyclic, &cycle));
        QCOMPARE(cycle.size(), 3);
        const SourceFile made {
            QStringLiteral("ui/x.cpp"), {QStringLiteral("#include \"common/sqlite/database.h\"")}};
        QCOMPARE(projectIncludes(made), QStringList {QStringLiteral("common/sqlite/database.h")});
        QVERIFY(includesAWidget(QStringLiteral("#include <QWidget>")));
        QVERIFY(includesAWidget(QStringLiteral("#include <QtWidgets/QLabel>")));
        QVERIFY(!includesAWidget(QStringLiteral("#include <QObject>")));
    }

private:
    QList<SourceFile> m_files;
};

QTEST_APPLESS_MAIN(TestLayout)
#include "tst_layout.moc"
