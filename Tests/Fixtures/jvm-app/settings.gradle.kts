rootProject.name = "shop"

// The three build modules: the app on top, the data layer, the domain at the bottom.
include(
    ":app",
    ":data", /* the database */
    ":domain",
)
