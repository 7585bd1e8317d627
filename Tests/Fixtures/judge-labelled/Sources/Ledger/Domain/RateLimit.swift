import Dispatch

struct RateLimit {
    var last: DispatchTime
    var interval: UInt64

    func allows() -> Bool {
        DispatchTime.now().uptimeNanoseconds - last.uptimeNanoseconds > interval
    }
}
