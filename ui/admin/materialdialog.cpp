#include "ui/admin/materialdialog.h"

#include "common/protocol/files.h"
#include "models/companysettings.h"
#include "models/store.h"
#include "ui/admin/keymessagelinks.h"
#include "ui/common/dateedit.h"
#include "ui/common/theme.h"
#include "ui/common/widgets.h"

#include <QBuffer>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPainter>
#include <QPdfDocument>
#include <QPushButton>
#include <QVBoxLayout>

namespace rounds {

namespace {

constexpr int ThumbnailWidth = 240;

QByteArray pngOf(const QImage &image)
{
    QImage flat(image.size(), QImage::Format_RGB32);
    flat.fill(Qt::white);
    QPainter p(&flat);
    p.drawImage(0, 0, image);
    p.end();
    QByteArray out;
    QBuffer buffer(&out);
    buffer.open(QIODevice::WriteOnly);
    flat.save(&buffer, "PNG");
    return out;
}

} // namespace

MaterialDialog::MaterialDialog(Store *store, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
{
    setWindowTitle(tr("New material"));
    build();
}

MaterialDialog::MaterialDialog(Store *store, const MaterialItem &base, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_base(base)
{
    setWindowTitle(tr("New version of “%1”").arg(base.title));
    build();
    fillFrom(base);
    m_product->setEnabled(false); // a version of the same material
    m_hasFrom->setChecked(false);
    m_hasTo->setChecked(false);
}

void MaterialDialog::fillFrom(const MaterialItem &m)
{
    m_title->setText(m.title);
    m_product->setCurrentIndex(m_product->findData(m.productId));
    const int language = m_language->findData(m.language);
    if (language >= 0)
        m_language->setCurrentIndex(language);
    else
        m_language->setCurrentText(m.language);
    m_approvalCode->setText(m.approvalCode);
    m_hasFrom->setChecked(m.validFrom.isValid());
    if (m.validFrom.isValid())
        m_from->setDate(m.validFrom);
    m_hasTo->setChecked(m.validTo.isValid());
    if (m.validTo.isValid())
        m_to->setDate(m.validTo);
    QList<MaterialKeyMessage> messages;
    QString ignored;
    MaterialQueries::keyMessages(m_store, m.id, &messages, &ignored);
    QList<library::KeyMessageLink> links;
    for (const MaterialKeyMessage &k : std::as_const(messages))
        links << library::KeyMessageLink {k.page, k.keyMessageId, {}};
    m_links->setLinks(links);
}

void MaterialDialog::build()
{
    setObjectName(QStringLiteral("materialDialog"));
    m_path = widgets::named<QLineEdit>(QStringLiteral("fileLineEdit"), this);
    m_path->setReadOnly(true);
    m_path->setPlaceholderText(tr("A PDF or an image (PNG, JPEG)"));
    auto *choose = widgets::button(tr("Choose file…"), QStringLiteral("chooseFileButton"), this);
    connect(choose, &QPushButton::clicked, this, &MaterialDialog::chooseFile);
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_path, 1);
    fileRow->addWidget(choose);
    m_thumbnail = widgets::named<QLabel>(QStringLiteral("thumbnailLabel"), this);
    m_thumbnail->setFixedSize(ThumbnailWidth / 2 + 4, ThumbnailWidth * 3 / 4);
    m_thumbnail->setAlignment(Qt::AlignCenter);
    m_thumbnail->setFrameShape(QFrame::StyledPanel);
    m_fileInfo = widgets::named<QLabel>(QStringLiteral("fileInfoLabel"), this);
    m_fileInfo->setWordWrap(true);

    m_title = widgets::named<QLineEdit>(QStringLiteral("titleLineEdit"), this);
    m_title->setMaxLength(200);
    m_product = widgets::named<QComboBox>(QStringLiteral("productComboBox"), this);
    QList<library::ProductRow> products;
    QString ignored;
    library::products(m_store, &products, &ignored);
    for (const library::ProductRow &p : std::as_const(products)) {
        if (p.active || (m_base && m_base->productId == p.id))
            m_product->addItem(p.name, p.id);
    }
    m_language = widgets::named<QComboBox>(QStringLiteral("languageComboBox"), this);
    m_language->setEditable(true);
    m_language->addItem(tr("Chinese (zh_CN)"), QStringLiteral("zh_CN"));
    m_language->addItem(tr("English (en)"), QStringLiteral("en"));
    m_approvalCode = widgets::named<QLineEdit>(QStringLiteral("approvalCodeLineEdit"), this);
    m_approvalCode->setMaxLength(64);
    m_hasFrom = widgets::named<QCheckBox>(QStringLiteral("validFromCheckBox"), tr("From"), this);
    m_from = widgets::named<DateEdit>(QStringLiteral("validFromDateEdit"), this);
    m_from->setDate(QDate::currentDate());
    m_from->setEnabled(false);
    m_hasTo = widgets::named<QCheckBox>(QStringLiteral("validToCheckBox"), tr("To"), this);
    m_to = widgets::named<DateEdit>(QStringLiteral("validToDateEdit"), this);
    m_to->setDate(QDate::currentDate().addYears(1));
    m_to->setEnabled(false);
    connect(m_hasFrom, &QCheckBox::toggled, m_from, &QWidget::setEnabled);
    connect(m_hasTo, &QCheckBox::toggled, m_to, &QWidget::setEnabled);
    auto *validity = new QHBoxLayout;
    validity->addWidget(m_hasFrom);
    validity->addWidget(m_from);
    validity->addSpacing(12);
    validity->addWidget(m_hasTo);
    validity->addWidget(m_to);
    validity->addStretch(1);
    m_links = new KeyMessageLinksEditor(this);

    auto *form = new QFormLayout;
    form->addRow(tr("File"), fileRow);
    form->addRow(tr("Title"), m_title);
    form->addRow(tr("Product"), m_product);
    form->addRow(tr("Language"), m_language);
    form->addRow(tr("Approval code"), m_approvalCode);
    form->addRow(tr("Valid"), validity);
    auto *top = new QHBoxLayout;
    top->addLayout(form, 1);
    auto *preview = new QVBoxLayout;
    preview->addWidget(m_thumbnail);
    preview->addWidget(m_fileInfo);
    preview->addStretch(1);
    top->addLayout(preview);

    m_error = widgets::named<QLabel>(QStringLiteral("materialErrorLabel"), this);
    m_error->setWordWrap(true);
    theme::setTone(m_error, theme::Tone::Error);
    m_error->hide();
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Save)->setObjectName(QStringLiteral("saveButton"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &MaterialDialog::save);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(new QLabel(tr("Key messages by page (pick the product's or type a new one):"), this));
    layout->addWidget(m_links, 1);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
    connect(m_product, &QComboBox::currentIndexChanged, this, &MaterialDialog::productChanged);
    productChanged();
    resize(760, 560);
}

void MaterialDialog::productChanged()
{
    QList<library::KeyMessageRow> messages;
    QString ignored;
    library::keyMessages(m_store, m_product->currentData().toString(), &messages, &ignored);
    m_links->setKeyMessages(messages);
}

void MaterialDialog::chooseFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Choose the material's file"), {},
        tr("PDF and images (*.pdf *.png *.jpg *.jpeg);;All files (*)"));
    if (!path.isEmpty())
        setFile(path);
}

void MaterialDialog::say(const QString &text)
{
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
}

QString MaterialDialog::error() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

bool MaterialDialog::setFile(const QString &path)
{
    m_file = {};
    m_path->setText(path);
    m_thumbnail->clear();
    m_fileInfo->clear();
    const QFileInfo info(path);
    QFile file(path);
    if (!info.isFile() || !file.open(QIODevice::ReadOnly)) {
        say(tr("Cannot read %1.").arg(path));
        return false;
    }
    QJsonValue limit;
    CompanySettings::newest(m_store, protocol::files::MaxBytesKey, &limit);
    QString ignored;
    const qint64 maxBytes
        = protocol::files::maxBytesFromJson(limit.isUndefined() ? QJsonValue() : limit, &ignored)
              .value_or(protocol::files::DefaultMaxBytes);
    if (info.size() > maxBytes) {
        say(tr("%1 is %2; the company's limit for a file is %3.")
                .arg(info.fileName(), QLocale().formattedDataSize(info.size()),
                    QLocale().formattedDataSize(maxBytes)));
        return false;
    }
    const QByteArray head = file.read(5);
    file.close();
    QImage page;
    if (head == "%PDF-") {
        QPdfDocument doc;
        if (doc.load(path) != QPdfDocument::Error::None || doc.pageCount() < 1) {
            say(tr("%1 is not a PDF that can be read (damaged, protected by a password or empty).")
                    .arg(info.fileName()));
            return false;
        }
        m_file.kind = QStringLiteral("pdf");
        m_file.pageCount = doc.pageCount();
        const QSizeF points = doc.pagePointSize(0);
        const int height
            = points.width() > 0 ? int(ThumbnailWidth * points.height() / points.width()) : ThumbnailWidth;
        page = doc.render(0, QSize(ThumbnailWidth, qBound(1, height, 4 * ThumbnailWidth)));
    } else {
        const QImage image(path);
        if (image.isNull()) {
            say(tr("%1 is neither a PDF nor an image (PNG, JPEG).").arg(info.fileName()));
            return false;
        }
        m_file.kind = QStringLiteral("image");
        m_file.pageCount = 1;
        page = image.scaledToWidth(ThumbnailWidth, Qt::SmoothTransformation);
    }
    m_file.sourceFile = path;
    m_file.fileSize = info.size();
    if (!page.isNull()) {
        m_file.thumbnailPng = pngOf(page);
        m_thumbnail->setPixmap(QPixmap::fromImage(page).scaled(
            m_thumbnail->size() - QSize(4, 4), Qt::KeepAspectRatio, Qt::SmoothTransformation));
    }
    m_fileInfo->setText(
        tr("%n page(s), %1", nullptr, m_file.pageCount).arg(QLocale().formattedDataSize(info.size())));
    m_links->setPageCount(m_file.pageCount);
    if (m_title->text().isEmpty())
        m_title->setText(info.completeBaseName());
    say({});
    return true;
}

library::MaterialDraft MaterialDialog::draft() const
{
    library::MaterialDraft d = m_file;
    d.title = m_title->text().trimmed();
    d.productId = m_product->currentData().toString();
    const int language = m_language->findText(m_language->currentText());
    d.language
        = language >= 0 ? m_language->itemData(language).toString() : m_language->currentText().trimmed();
    d.approvalCode = m_approvalCode->text().trimmed();
    d.validFrom = m_hasFrom->isChecked() ? m_from->date() : QDate();
    d.validTo = m_hasTo->isChecked() ? m_to->date() : QDate();
    d.keyMessages = m_links->links();
    if (m_base) {
        d.version = m_base->version + 1;
        d.supersedes = m_base->id;
    }
    return d;
}

bool MaterialDialog::save()
{
    const library::MaterialDraft d = draft();
    if (d.sourceFile.isEmpty()) {
        say(m_path->text().isEmpty() ? tr("Choose the material's file (a PDF or an image).")
                                     : m_error->text());
        return false;
    }
    if (d.title.isEmpty()) {
        say(tr("Give the material a title."));
        return false;
    }
    if (d.productId.isEmpty()) {
        say(tr("Pick the product the material is about (add products under Products and key messages)."));
        return false;
    }
    if (d.validFrom.isValid() && d.validTo.isValid() && d.validTo < d.validFrom) {
        say(tr("“Valid to” lies before “valid from”."));
        return false;
    }
    const library::Result r = library::createMaterial(m_store, d);
    if (!r.ok) {
        say(tr("The material was not saved: %1").arg(r.error));
        return false;
    }
    m_createdId = r.id;
    accept();
    return true;
}

} // namespace rounds
