import Core
import DequeModule

// import Unused: a comment is no import
let note = "import Unused"
