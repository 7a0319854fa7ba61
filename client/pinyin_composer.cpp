#include "client/pinyin_composer.h"

namespace courtyard::client {

QString PinyinComposer::chosenText() const {
    QString out;
    for (const auto& c : m_chosen)
        out += c.text;
    return out;
}

QString PinyinComposer::preedit() const {
    QString letters;
    const QByteArray r = rest();
    for (int i = 0; i < r.size(); ++i) {
        // A syllable boundary the engine found, unless the resident typed the ' already.
        const bool boundary = i > 0 && i < m_search.decodedLetters && m_search.syllableStarts.contains(i) &&
                              r[i - 1] != '\'' && r[i] != '\'';
        if (boundary)
            letters += QLatin1Char('\'');
        letters += QLatin1Char(r[i]);
    }
    return chosenText() + letters;
}

bool PinyinComposer::addLetter(char letter) {
    const bool pinyin = (letter >= 'a' && letter <= 'z') || (letter == '\'' && !rest().isEmpty() && !rest().endsWith('\''));
    if (!pinyin || m_letters.size() >= kMaxLetters)
        return false;
    m_letters += letter;
    decode();
    return true;
}

void PinyinComposer::backspace() {
    if (m_letters.size() > m_chosenLetters) {
        m_letters.chop(1);
    } else if (!m_chosen.isEmpty()) {
        m_chosenLetters -= m_chosen.takeLast().letters; // its letters wait for a reading again
    }
    decode();
}

QString PinyinComposer::choose(int index) {
    if (index < 0 || index >= m_search.candidates.size())
        return {};
    const QString text = m_search.candidates[index];
    // The engine says how many letters the reading covers; a reading always covers some.
    const int covered = std::clamp(m_decoder.choose(index), 1, int(rest().size()));
    m_chosen.append({text, covered});
    m_chosenLetters += covered;
    if (m_chosenLetters >= m_letters.size()) {
        const QString all = chosenText();
        clear();
        return all;
    }
    decode();
    return {};
}

QString PinyinComposer::finish() {
    // The sentence reading covers what the engine could decode; anything after it stays letters.
    const QByteArray r = rest();
    const QString text = chosenText() + (m_search.candidates.isEmpty()
                                             ? QString::fromLatin1(r)
                                             : m_search.candidates.first() + QString::fromLatin1(r.mid(m_search.decodedLetters)));
    clear();
    return text;
}

QString PinyinComposer::asTyped() {
    const QString text = chosenText() + QString::fromLatin1(rest());
    clear();
    return text;
}

void PinyinComposer::clear() {
    m_letters.clear();
    m_chosen.clear();
    m_chosenLetters = 0;
    m_search = {};
}

void PinyinComposer::decode() {
    m_search = rest().isEmpty() ? PinyinDecoder::Search{} : m_decoder.search(rest(), kMaxCandidates);
}

} // namespace courtyard::client
