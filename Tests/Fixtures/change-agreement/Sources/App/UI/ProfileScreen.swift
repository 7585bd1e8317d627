struct ProfileScreen {
    let model = ProfileModel()
    let theme = Theme()
}
