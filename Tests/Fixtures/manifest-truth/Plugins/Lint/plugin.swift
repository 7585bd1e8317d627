import PackagePlugin

@main struct Lint: BuildToolPlugin {}
