import Cart

public struct LoginScreen {}
