// Tests that the JUnit XML is well formed, follows the JUnit schema, and says what failed.

import XCTest
import Foundation
import Runner
@testable import Check

final class JUnitReportTests: XCTestCase {
    private var report: CheckReport {
        CheckReport(notes: [NoteChecker.check(CheckFixtures.note, against: CheckFixtures.run)])
    }

    func testXmllintAcceptsIt() throws {
        let file = try write(JUnitReport.render(report))
        XCTAssertEqual(try run("xmllint", ["--noout", file]), 0)
    }

    func testItFollowsTheJUnitSchema() throws {
        let file = try write(JUnitReport.render(report))
        let schema = try write(Self.junitSchema, name: "junit.xsd")
        XCTAssertEqual(try run("xmllint", ["--noout", "--schema", schema, file]), 0)
    }

    func testPythonReadsOneTestCasePerCellWithTheFailures() throws {
        let file = try write(JUnitReport.render(report))
        let script = """
            import sys, xml.etree.ElementTree as ET
            root = ET.parse(sys.argv[1]).getroot()
            assert root.tag == "testsuites", root.tag
            suites = root.findall("testsuite")
            assert [s.get("name") for s in suites] == ["Notes/01-注意力.md"]
            cases = suites[0].findall("testcase")
            assert len(cases) == 6, len(cases)
            failures = [c.find("failure") for c in cases]
            assert [f is not None for f in failures] == [False, True, True, False, False, True]
            assert failures[1].get("type") == "changed"
            assert "-weights 0.25\\n+weights 0.75" in failures[1].text, failures[1].text
            assert cases[3].find("skipped") is not None
            assert suites[0].get("tests") == "6" and suites[0].get("failures") == "3"
            assert suites[0].get("skipped") == "1"
            """
        XCTAssertEqual(try run("python3", ["-c", script, file]), 0)
    }

    func testHostileOutputStaysWellFormed() throws {
        let hostile = "<b>&amp;</b> \"quoted\" ]]> \u{1B}[31mred\u{0} \t tab \r\n"
        let cell = CellCheck(notePath: "Notes/<&\">.md", cellIndex: 0, cellLine: 1, recordingLine: 3,
                             outcome: .changed(recorded: "x", new: hostile, diff: hostile))
        let xml = JUnitReport.render(CheckReport(notes: [NoteCheck(notePath: "Notes/<&\">.md", cells: [cell])]))
        XCTAssertTrue(xml.contains("\u{241B}[31mred\u{2400}"), xml)
        let file = try write(xml)
        XCTAssertEqual(try run("xmllint", ["--noout", file]), 0)
        let script = """
            import sys, xml.etree.ElementTree as ET
            case = ET.parse(sys.argv[1]).getroot().find("testsuite/testcase")
            assert case.get("classname") == 'Notes/<&">.md', case.get("classname")
            assert '<b>&amp;</b> "quoted" ]]>' in case.find("failure").text
            """
        XCTAssertEqual(try run("python3", ["-c", script, file]), 0)
    }

    func testAnErrorReadingANoteIsAnErrorCase() throws {
        var withProblems = report
        withProblems.problems = [
            .error("unknown cell option 'hiden'", path: CheckFixtures.path, line: 5, column: 10),
            .warning("unknown front matter key 'titel'", path: CheckFixtures.path, line: 2),
            .error("no such file or folder", path: "Notes/missing.md", line: 0),
        ]
        let file = try write(JUnitReport.render(withProblems))
        let schema = try write(Self.junitSchema, name: "junit.xsd")
        XCTAssertEqual(try run("xmllint", ["--noout", "--schema", schema, file]), 0)
        let script = """
            import sys, xml.etree.ElementTree as ET
            root = ET.parse(sys.argv[1]).getroot()
            assert root.get("tests") == "8" and root.get("errors") == "2", root.attrib
            first, missing = root.findall("testsuite")
            assert first.get("errors") == "1" and first.get("tests") == "7", first.attrib
            error = first.find("testcase/error")
            assert error.get("message") == "unknown cell option 'hiden'", error.attrib
            assert "titel" not in error.text, "warnings are not errors"
            assert missing.get("name") == "Notes/missing.md" and missing.get("tests") == "1"
            """
        XCTAssertEqual(try run("python3", ["-c", script, file]), 0)
    }

    func testAStaleSiteIsAFailedCaseOfALastSuite() throws {
        var stale = report
        stale.otherFailures = [SiteDifference(path: "Site/index.html", kind: .differs).problem]
        let file = try write(JUnitReport.render(stale))
        let schema = try write(Self.junitSchema, name: "junit.xsd")
        XCTAssertEqual(try run("xmllint", ["--noout", "--schema", schema, file]), 0)
        let script = """
            import sys, xml.etree.ElementTree as ET
            root = ET.parse(sys.argv[1]).getroot()
            assert root.get("tests") == "7" and root.get("failures") == "4", root.attrib
            last = root.findall("testsuite")[-1]
            assert last.get("name") == "litbook" and last.get("failures") == "1", last.attrib
            assert last.find("testcase").get("name") == "Site/index.html"
            assert last.find("testcase/failure").get("message") == "differs from a fresh build"
            """
        XCTAssertEqual(try run("python3", ["-c", script, file]), 0)
    }

    func testSameResultsGiveTheSameBytes() {
        XCTAssertEqual(JUnitReport.render(report), JUnitReport.render(report))
        XCTAssertFalse(JUnitReport.render(report).contains("time="))
    }

    // MARK: - Helpers

    private func write(_ text: String, name: String = "junit.xml") throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("CheckTests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: file)
        return file.path
    }

    private func run(_ tool: String, _ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// The shape of JUnit XML that CI servers (Jenkins, GitLab, GitHub test reporters) read:
    /// written from the format's common definition, strict about what we emit.
    static let junitSchema = """
        <?xml version="1.0" encoding="UTF-8"?>
        <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" elementFormDefault="qualified">
          <xs:complexType name="problem">
            <xs:simpleContent>
              <xs:extension base="xs:string">
                <xs:attribute name="message" type="xs:string"/>
                <xs:attribute name="type" type="xs:string" use="required"/>
              </xs:extension>
            </xs:simpleContent>
          </xs:complexType>
          <xs:element name="testsuites">
            <xs:complexType>
              <xs:sequence>
                <xs:element name="testsuite" minOccurs="0" maxOccurs="unbounded">
                  <xs:complexType>
                    <xs:sequence>
                      <xs:element name="testcase" minOccurs="0" maxOccurs="unbounded">
                        <xs:complexType>
                          <xs:choice minOccurs="0">
                            <xs:element name="skipped">
                              <xs:complexType>
                                <xs:attribute name="message" type="xs:string"/>
                              </xs:complexType>
                            </xs:element>
                            <xs:element name="error" type="problem"/>
                            <xs:element name="failure" type="problem"/>
                          </xs:choice>
                          <xs:attribute name="name" type="xs:string" use="required"/>
                          <xs:attribute name="classname" type="xs:string" use="required"/>
                          <xs:attribute name="file" type="xs:string"/>
                          <xs:attribute name="line" type="xs:nonNegativeInteger"/>
                          <xs:attribute name="time" type="xs:decimal"/>
                        </xs:complexType>
                      </xs:element>
                    </xs:sequence>
                    <xs:attribute name="name" type="xs:string" use="required"/>
                    <xs:attribute name="tests" type="xs:nonNegativeInteger" use="required"/>
                    <xs:attribute name="failures" type="xs:nonNegativeInteger" use="required"/>
                    <xs:attribute name="errors" type="xs:nonNegativeInteger" use="required"/>
                    <xs:attribute name="skipped" type="xs:nonNegativeInteger"/>
                    <xs:attribute name="time" type="xs:decimal"/>
                  </xs:complexType>
                </xs:element>
              </xs:sequence>
              <xs:attribute name="name" type="xs:string"/>
              <xs:attribute name="tests" type="xs:nonNegativeInteger"/>
              <xs:attribute name="failures" type="xs:nonNegativeInteger"/>
              <xs:attribute name="errors" type="xs:nonNegativeInteger"/>
              <xs:attribute name="skipped" type="xs:nonNegativeInteger"/>
              <xs:attribute name="time" type="xs:decimal"/>
            </xs:complexType>
          </xs:element>
        </xs:schema>
        """
}
