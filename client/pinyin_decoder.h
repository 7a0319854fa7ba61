#pragma once
// The Pinyin engine: Google Pinyin (Debian's libgooglepinyin0, the engine Android's and Qt's own
// Pinyin keyboards are built on) over the system dictionary that package installs. The library
// keeps one decoder in static state per process, so this class is its one owner: shared().
//
// The engine insists on a user dictionary, where it learns phrases chosen in parts within one
// search. It gets an empty one in a temporary folder, and learns nothing there: PinyinComposer
// starts a new search for what is left after every choice, so no phrase is ever assembled for
// it to learn — on a kiosk one resident's words must not be offered to the next (pinyin_test).

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace courtyard::client {

class PinyinDecoder {
public:
    static PinyinDecoder& shared();

    // The dictionary opened; when not, error() says why and every search finds nothing.
    bool ready() const { return m_open; }
    QString error() const { return m_error; }

    struct Search {
        QStringList candidates;     // best first; 0 reads the whole spelling as one sentence
        int decodedLetters = 0;     // how much of the spelling, from its start, is Pinyin
        QList<int> syllableStarts;  // where each syllable starts in the spelling, then its end
    };
    // Decodes a spelling (letters a–z, ' between syllables) afresh; at most `limit` candidates.
    Search search(const QByteArray& spelling, int limit);
    // Takes candidate `index` of the last search as the reading of the spelling's start, and
    // returns how many letters of the spelling it covers.
    int choose(int index);

    PinyinDecoder(const PinyinDecoder&) = delete;
    PinyinDecoder& operator=(const PinyinDecoder&) = delete;

private:
    PinyinDecoder();
    ~PinyinDecoder();
    QTemporaryDir m_userDir;
    bool m_open = false;
    QString m_error;
};

} // namespace courtyard::client
