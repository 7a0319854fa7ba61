#pragma once
// One Pinyin composition, the part of typing Chinese between the first letter and the text that
// goes into the field: the letters typed, the words already chosen for their start, and the
// candidates for the rest. Letters and choices come in; the text to commit comes out. No Qt
// Virtual Keyboard here (PinyinInputMethod adapts it), so it is tested on its own.

#include "client/pinyin_decoder.h"

namespace courtyard::client {

class PinyinComposer {
public:
    // Longer spellings are refused letter by letter: a sentence is chosen in parts.
    static constexpr int kMaxLetters = 32;
    static constexpr int kMaxCandidates = 100;

    explicit PinyinComposer(PinyinDecoder& decoder) : m_decoder(decoder) {}

    bool composing() const { return !m_letters.isEmpty(); }
    // What the field shows underlined: the chosen words, then the rest of the letters with
    // ' between syllables ("电梯huai'le").
    QString preedit() const;
    // Readings of the letters not chosen yet, best first.
    const QStringList& candidates() const { return m_search.candidates; }

    // a–z, or ' to split syllables; false when refused (not a Pinyin letter, or too long).
    bool addLetter(char letter);
    // Removes the last letter; with no letters left after the chosen words, undoes the last choice.
    void backspace();
    // Chooses a reading for the start of the remaining letters. Returns the whole text once
    // every letter is read, and "" while some are still waiting.
    QString choose(int index);
    // Space: the best reading of whatever is left; returns the whole text and ends the composition.
    QString finish();
    // Enter (and leaving the field): the chosen words and the letters as typed.
    QString asTyped();
    void clear();

private:
    struct Choice {
        QString text;
        int letters = 0;
    };
    QByteArray rest() const { return m_letters.mid(m_chosenLetters); }
    QString chosenText() const;
    void decode();

    PinyinDecoder& m_decoder;
    QByteArray m_letters;     // every letter of this composition, as typed
    QList<Choice> m_chosen;   // readings chosen for the start, in order
    int m_chosenLetters = 0;  // letters those readings cover
    PinyinDecoder::Search m_search; // of rest()
};

} // namespace courtyard::client
