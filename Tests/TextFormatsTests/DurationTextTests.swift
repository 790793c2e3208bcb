// Durations as litbook prints them, and the one conversion of a Duration to seconds.

import TextFormats
import XCTest

final class DurationTextTests: XCTestCase {
    func testSecondsWithFixedDecimalsAndUnit() {
        XCTAssertEqual(DurationText.seconds(0.8449), "0.84 s")
        XCTAssertEqual(DurationText.seconds(1.84), "1.84 s")
        XCTAssertEqual(DurationText.seconds(12.25, decimals: 1), "12.2 s")
        XCTAssertEqual(DurationText.seconds(0), "0.00 s")
    }

    func testDurationInSeconds() {
        XCTAssertEqual(Duration.milliseconds(1500).seconds, 1.5)
        XCTAssertEqual((Duration.seconds(2) + .nanoseconds(250_000_000)).seconds, 2.25)
    }
}
