#pragma once
// Chinese on the kiosk's touch keyboard: a Qt Virtual Keyboard input method (the keyboard layout
// in qml/keyboard names it) with two modes. Pinyin composes with PinyinComposer: letters show
// underlined in the field, their readings fill the keyboard's candidate bar, a tap on one (or
// space for the best) puts the characters in; any other key takes the best reading first and
// then types itself. Latin types the keys as they are. QML: PinyinInputMethod.

#include "client/pinyin_composer.h"

#include <QVirtualKeyboardAbstractInputMethod>

namespace courtyard::client {

class PinyinInputMethod : public QVirtualKeyboardAbstractInputMethod {
    Q_OBJECT
    QML_ELEMENT

public:
    explicit PinyinInputMethod(QObject* parent = nullptr);

    QList<QVirtualKeyboardInputEngine::InputMode> inputModes(const QString& locale) override;
    bool setInputMode(const QString& locale, QVirtualKeyboardInputEngine::InputMode inputMode) override;
    bool setTextCase(QVirtualKeyboardInputEngine::TextCase) override { return true; }
    bool keyEvent(Qt::Key key, const QString& text, Qt::KeyboardModifiers modifiers) override;

    QList<QVirtualKeyboardSelectionListModel::Type> selectionLists() override;
    int selectionListItemCount(QVirtualKeyboardSelectionListModel::Type type) override;
    QVariant selectionListData(QVirtualKeyboardSelectionListModel::Type type, int index,
                               QVirtualKeyboardSelectionListModel::Role role) override;
    void selectionListItemSelected(QVirtualKeyboardSelectionListModel::Type type, int index) override;

    // The field lost focus or the keyboard changed: nothing half-typed is kept.
    void reset() override;
    // The cursor moved or the field is being read: what was typed goes in as typed.
    void update() override;

private:
    void commit(const QString& text);
    void showComposition();

    PinyinComposer m_composer;
    bool m_pinyin = true;
};

} // namespace courtyard::client
