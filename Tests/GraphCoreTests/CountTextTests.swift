import GraphCore
import Testing

@Suite("Count text (thousands separators)")
struct CountTextTests {
  @Test func groupsOfThree() {
    #expect(0.countText == "0")
    #expect(7.countText == "7")
    #expect(999.countText == "999")
    #expect(1000.countText == "1,000")
    #expect(20_000.countText == "20,000")
    #expect(132_696.countText == "132,696")
    #expect(1_049_866.countText == "1,049,866")
    #expect((-1234).countText == "-1,234")
    #expect(Int.min.countText == "-9,223,372,036,854,775,808")
    #expect(UInt64(12_345_678).countText == "12,345,678")
  }
}
