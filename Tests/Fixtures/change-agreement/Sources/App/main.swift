import Feature

let sync = Sync()
let screen = ProfileScreen()
