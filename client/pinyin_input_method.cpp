#include "client/pinyin_input_method.h"

#include <QVirtualKeyboardInputContext>

namespace courtyard::client {

namespace {
using Mode = QVirtualKeyboardInputEngine::InputMode;
using List = QVirtualKeyboardSelectionListModel::Type;
using Role = QVirtualKeyboardSelectionListModel::Role;
} // namespace

PinyinInputMethod::PinyinInputMethod(QObject* parent)
    : QVirtualKeyboardAbstractInputMethod(parent), m_composer(PinyinDecoder::shared()) {
    if (!PinyinDecoder::shared().ready())
        qWarning("Pinyin input unavailable: %s", qPrintable(PinyinDecoder::shared().error()));
}

QList<QVirtualKeyboardInputEngine::InputMode> PinyinInputMethod::inputModes(const QString&) {
    return {Mode::Pinyin, Mode::Latin};
}

bool PinyinInputMethod::setInputMode(const QString&, QVirtualKeyboardInputEngine::InputMode inputMode) {
    update(); // switching mid-word keeps the letters typed so far
    m_pinyin = inputMode == Mode::Pinyin;
    return true;
}

bool PinyinInputMethod::keyEvent(Qt::Key key, const QString& text, Qt::KeyboardModifiers) {
    if (!m_pinyin)
        return false; // Latin: the keyboard types the key itself
    if (text.size() == 1 && m_composer.addLetter(text[0].toLatin1())) {
        showComposition();
        return true;
    }
    if (m_composer.composing()) {
        switch (key) {
        case Qt::Key_Backspace:
            m_composer.backspace();
            showComposition();
            return true;
        case Qt::Key_Space:
            commit(m_composer.finish());
            return true;
        case Qt::Key_Return:
        case Qt::Key_Enter:
            commit(m_composer.asTyped());
            return true;
        default:
            // Punctuation, a digit or a capital after Pinyin: the best reading goes in first,
            // then the key types itself.
            commit(m_composer.finish());
            break;
        }
    }
    return false;
}

QList<QVirtualKeyboardSelectionListModel::Type> PinyinInputMethod::selectionLists() { return {List::WordCandidateList}; }

int PinyinInputMethod::selectionListItemCount(QVirtualKeyboardSelectionListModel::Type type) {
    return type == List::WordCandidateList ? int(m_composer.candidates().size()) : 0;
}

QVariant PinyinInputMethod::selectionListData(QVirtualKeyboardSelectionListModel::Type type, int index,
                                              QVirtualKeyboardSelectionListModel::Role role) {
    if (type != List::WordCandidateList || index < 0 || index >= m_composer.candidates().size())
        return {};
    switch (role) {
    case Role::Display:
        return m_composer.candidates()[index];
    case Role::WordCompletionLength:
        return 0; // a reading, not the completion of a word being typed
    default:
        return QVirtualKeyboardAbstractInputMethod::selectionListData(type, index, role);
    }
}

void PinyinInputMethod::selectionListItemSelected(QVirtualKeyboardSelectionListModel::Type type, int index) {
    if (type != List::WordCandidateList)
        return;
    if (const QString done = m_composer.choose(index); !done.isEmpty())
        commit(done);
    else
        showComposition();
}

void PinyinInputMethod::reset() {
    m_composer.clear();
    emit selectionListChanged(List::WordCandidateList);
    emit selectionListActiveItemChanged(List::WordCandidateList, -1);
}

void PinyinInputMethod::update() {
    if (m_composer.composing())
        commit(m_composer.asTyped());
}

void PinyinInputMethod::commit(const QString& text) {
    inputContext()->commit(text);
    showComposition();
}

void PinyinInputMethod::showComposition() {
    if (m_composer.composing())
        inputContext()->setPreeditText(m_composer.preedit());
    emit selectionListChanged(List::WordCandidateList);
    emit selectionListActiveItemChanged(List::WordCandidateList, m_composer.candidates().isEmpty() ? -1 : 0);
}

} // namespace courtyard::client
