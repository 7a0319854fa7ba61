import Courtyard

NumberPadLayout {}
