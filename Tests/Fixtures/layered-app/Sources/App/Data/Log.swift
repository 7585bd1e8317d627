func log(_ code: Int) { print(code) }
