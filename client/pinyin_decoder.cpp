#include "client/pinyin_decoder.h"

#include <QFile>
#include <pinyinime.h>

#ifndef COURTYARD_PINYIN_DICTIONARY
#error "COURTYARD_PINYIN_DICTIONARY: the system dictionary's path, from libgooglepinyin0 (client/CMakeLists.txt)"
#endif

namespace courtyard::client {

namespace {
// The engine's own longest phrase is far shorter; a candidate is never cut.
constexpr size_t kCandidateBuffer = 64;

QString fromEngine(const ime_pinyin::char16* text) {
    return QString::fromUtf16(reinterpret_cast<const char16_t*>(text));
}
} // namespace

PinyinDecoder& PinyinDecoder::shared() {
    static PinyinDecoder decoder;
    return decoder;
}

PinyinDecoder::PinyinDecoder() {
    const QString dictionary = QStringLiteral(COURTYARD_PINYIN_DICTIONARY);
    if (!QFile::exists(dictionary)) {
        m_error = QStringLiteral("no Pinyin dictionary at %1 (Debian package libgooglepinyin0)").arg(dictionary);
        return;
    }
    if (!m_userDir.isValid()) {
        m_error = QStringLiteral("no temporary folder for the Pinyin user dictionary: %1").arg(m_userDir.errorString());
        return;
    }
    const QString user = m_userDir.filePath(QStringLiteral("user.dat"));
    m_open = ime_pinyin::im_open_decoder(QFile::encodeName(dictionary).constData(), QFile::encodeName(user).constData());
    if (!m_open)
        m_error = QStringLiteral("the Pinyin dictionary %1 did not open").arg(dictionary);
}

PinyinDecoder::~PinyinDecoder() {
    if (m_open)
        ime_pinyin::im_close_decoder();
}

PinyinDecoder::Search PinyinDecoder::search(const QByteArray& spelling, int limit) {
    Search out;
    if (!m_open || spelling.isEmpty())
        return out;
    ime_pinyin::im_reset_search();
    const size_t count = ime_pinyin::im_search(spelling.constData(), size_t(spelling.size()));
    size_t decoded = 0;
    ime_pinyin::im_get_sps_str(&decoded);
    out.decodedLetters = int(decoded);
    const ime_pinyin::uint16* starts = nullptr;
    const size_t syllables = ime_pinyin::im_get_spl_start_pos(starts);
    for (size_t i = 0; starts && i <= syllables; ++i)
        out.syllableStarts << int(starts[i]);
    ime_pinyin::char16 buffer[kCandidateBuffer];
    for (size_t i = 0; i < count && int(i) < limit; ++i)
        if (ime_pinyin::im_get_candidate(i, buffer, kCandidateBuffer - 1))
            out.candidates << fromEngine(buffer);
    return out;
}

int PinyinDecoder::choose(int index) {
    if (!m_open || index < 0)
        return 0;
    ime_pinyin::im_choose(size_t(index));
    const ime_pinyin::uint16* starts = nullptr;
    const size_t syllables = ime_pinyin::im_get_spl_start_pos(starts);
    const size_t fixed = std::min(ime_pinyin::im_get_fixed_len(), syllables);
    return starts ? int(starts[fixed]) : 0;
}

} // namespace courtyard::client
