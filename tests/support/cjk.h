#pragma once

#include <QString>

namespace rounds::test {

// Whether a message a user reads is in Chinese: it holds at least one CJK ideograph or CJK punctuation.
// A message with none has not been translated.
inline bool hasCjk(const QString &text)
{
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if ((u >= 0x3000 && u <= 0x303F) || (u >= 0x4E00 && u <= 0x9FFF) || (u >= 0xFF00 && u <= 0xFFEF))
            return true;
    }
    return false;
}

} // namespace rounds::test
