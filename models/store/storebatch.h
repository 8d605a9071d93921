#pragma once

#include <QString>
#include <QtGlobal>

#include <memory>

namespace rounds {

namespace sql {
class Transaction;
}
class Store;

// Several store operations as one transaction: one commit (one WAL sync) instead of one per operation,
// and all or nothing. Each operation inside keeps its own transaction, which becomes a savepoint.
// Rolls back unless committed. When the batch cannot begin (a busy or closed file) the operations run
// one by one as usual: isOpen() says so and error() says why.
class StoreBatch final
{
public:
    explicit StoreBatch(Store &store);
    ~StoreBatch();
    Q_DISABLE_COPY_MOVE(StoreBatch)

    bool isOpen() const { return m_tx != nullptr; }
    QString error() const { return m_error; }
    // True when there was nothing to commit (the batch never began).
    bool commit(QString *error = nullptr);

private:
    std::unique_ptr<sql::Transaction> m_tx;
    QString m_error;
};

} // namespace rounds
