struct Theme {
    var accent = "blue"
}
