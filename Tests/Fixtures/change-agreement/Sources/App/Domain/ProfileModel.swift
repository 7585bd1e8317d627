struct ProfileModel {
    let repository = ProfileRepository()
    var name = ""
}
