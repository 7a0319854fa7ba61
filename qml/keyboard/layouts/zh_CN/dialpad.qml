import Courtyard

NumberPadLayout { dialable: true }
