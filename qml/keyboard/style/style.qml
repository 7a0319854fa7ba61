import Courtyard

KioskKeyboardStyle {}
