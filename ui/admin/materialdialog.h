#pragma once

#include "models/library.h"
#include "models/materialqueries.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace rounds {

class DateEdit;
class KeyMessageLinksEditor;
class Store;

// New material… and New version… of the admin's library (docs/content.md): a PDF or an image picked on
// this computer, read at once (QtPdf: page count and a thumbnail of page 1; a file that cannot be read,
// or is larger than the company's files.max_bytes, is refused in words), its title, product, language,
// approval code, validity and the key messages per page. A new version starts from the material it
// replaces (same product, version + 1, `supersedes` it).
class MaterialDialog final : public QDialog
{
    Q_OBJECT
public:
    MaterialDialog(Store *store, QWidget *parent = nullptr);
    // A new version of `base`.
    MaterialDialog(Store *store, const MaterialItem &base, QWidget *parent = nullptr);

    // Reads the file as if picked in the file dialog; false (the dialog says why) when it is refused.
    bool setFile(const QString &path);
    library::MaterialDraft draft() const;
    // Title, product, language, approval code, validity and key messages as `m` has them (an example).
    void fillFrom(const MaterialItem &m);
    // Saves the draft (library::createMaterial); on success the dialog is accepted and createdId() set.
    bool save();
    QString createdId() const { return m_createdId; }
    QString error() const;

private:
    void build();
    void chooseFile();
    void productChanged();
    void say(const QString &text);

    Store *m_store;
    std::optional<MaterialItem> m_base;
    library::MaterialDraft m_file; // what the file gave: path, kind, pages, size, thumbnail
    QString m_createdId;
    QLineEdit *m_path = nullptr;
    QLabel *m_thumbnail = nullptr;
    QLabel *m_fileInfo = nullptr;
    QLineEdit *m_title = nullptr;
    QComboBox *m_product = nullptr;
    QComboBox *m_language = nullptr;
    QLineEdit *m_approvalCode = nullptr;
    QCheckBox *m_hasFrom = nullptr;
    DateEdit *m_from = nullptr;
    QCheckBox *m_hasTo = nullptr;
    DateEdit *m_to = nullptr;
    KeyMessageLinksEditor *m_links = nullptr;
    QLabel *m_error = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace rounds
