import Util
import Core
import Logging
import CShim

func fetch() -> Entity { Entity() }
