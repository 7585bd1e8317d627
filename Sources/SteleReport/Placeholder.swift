import SteleCore
