// Kept for reference; excluded from the Widget target in Widget.xcodeproj.
struct OldWidget {}
