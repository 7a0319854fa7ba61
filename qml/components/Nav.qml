pragma Singleton
import QtQuick
import QtQuick.Controls

// Navigation for every page: the shell sets `stack`; pages push and pop through here, so a
// page works the same whether a shell holds it or a test creates it on its own.
QtObject {
    property StackView stack: null

    function push(url, props) {
        if (stack)
            stack.push(Qt.resolvedUrl(url), props === undefined ? {} : props)
    }
    function replace(url, props) {
        if (stack)
            stack.replace(null, Qt.resolvedUrl(url), props === undefined ? {} : props)
    }
    // The page on top replaced (a form by the record it created): back still goes where it did.
    function swap(url, props) {
        if (stack)
            stack.replace(Qt.resolvedUrl(url), props === undefined ? {} : props)
    }
    function back() {
        if (stack && stack.depth > 1)
            stack.pop()
    }
    function home() {
        if (stack)
            stack.pop(null)
    }
}
