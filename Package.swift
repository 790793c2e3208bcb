// swift-tools-version:6.1
// litbook: Markdown study notes in, a static study site whose Swift cells really run out.
import PackageDescription

let package = Package(
    name: "litbook",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "litbook", targets: ["litbook"]),
        // Cells link against these two at run time; NotebookRuntime carries the engine and the
        // figure renderers inside it, so a cell program links exactly one library.
        .library(name: "TransformerEngine", type: .dynamic, targets: ["TransformerEngine"]),
        .library(name: "NotebookRuntime", type: .dynamic, targets: ["NotebookRuntime"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/swhitty/FlyingFox", exact: "0.27.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // GEMM's tile sizes and the Adam step's constants, defined once for the engine and each kernel build.
        .target(name: "TransformerEngineKernelsShared"),
        // GEMM's register tiles built for AVX2; TransformerEngine calls them only when the CPU has AVX2.
        // `-fno-math-errno`: Float.squareRoot() comes from a C header, and with errno semantics each
        // lane of a SIMD square root became a scalar sqrtss plus a libm call for negative inputs;
        // without them it is one vector instruction (IEEE square roots either way: same bits).
        .target(
            name: "TransformerEngineKernelsAVX2", dependencies: ["TransformerEngineKernelsShared"],
            swiftSettings: [.unsafeFlags(["-target-cpu", "haswell", "-Xcc", "-fno-math-errno"])]),
        // GEMM's packed-panel tiles (24×16 in ZMM registers) and GELU sixteen lanes at a time;
        // TransformerEngine calls them only when the CPU has the AVX-512 features this target uses.
        // Same sums in the same order, same arithmetic per lane, so the same bits.
        .target(
            name: "TransformerEngineKernelsAVX512", dependencies: ["TransformerEngineKernelsShared"],
            swiftSettings: [.unsafeFlags(["-target-cpu", "skylake-avx512", "-Xcc", "-fno-math-errno"])]),
        // The escaping and quoting rules of every output format, one place each; depends on nothing,
        // so the engine can use its JSON writer and still import no notebook code.
        .target(name: "TextFormats"),
        .target(
            name: "TransformerEngine",
            dependencies: [
                "TransformerEngineKernelsShared", "TransformerEngineKernelsAVX2", "TransformerEngineKernelsAVX512",
                "TextFormats",
            ],
            swiftSettings: [.unsafeFlags(["-Xcc", "-fno-math-errno"])]),
        .target(name: "Figures", dependencies: ["TextFormats"]),
        .target(name: "RecordStream", dependencies: ["Figures"]),
        .target(name: "NotebookRuntime", dependencies: ["TransformerEngine", "Figures", "RecordStream"]),
        // TeX → MathML Core for the formulas of notes: pure; escapes by the page's rule in TextFormats.
        .target(name: "MathML", dependencies: ["TextFormats"]),
        .target(name: "Notebook", dependencies: ["CCmark", "MathML", "TextFormats"]),
        // What a run produced (NoteRun, CellRun, CellError, NoteLocation): Site and Check read
        // results without depending on the runner that makes them.
        .target(name: "NoteResults", dependencies: ["Figures", "TextFormats"]),
        .target(
            name: "Runner",
            dependencies: [
                "Notebook", "Figures", "RecordStream", "NoteResults", "TextFormats",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "Site", dependencies: ["Notebook", "Figures", "NoteResults", "TextFormats", "MathML"],
            resources: [.copy("Theme/style.css"), .copy("Search/search.js"), .copy("Theme/figures.js"),
                        .copy("Theme/reader.js"), .copy("Theme/favicon.svg")]),
        .target(name: "Check", dependencies: ["Notebook", "NoteResults", "TextFormats"]),
        // `litbook serve`: watches the notes, rebuilds with the runner and the site renderer, serves over HTTP.
        .target(
            name: "Serve",
            dependencies: ["Notebook", "Runner", "Site", .product(name: "FlyingFox", package: "FlyingFox")],
            resources: [.copy("Serving/live.js")]),
        .executableTarget(
            name: "litbook",
            dependencies: [
                "Runner", "Site", "Notebook", "Check", "Serve", "TextFormats",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // What every bench writes into Benchmarks/results/ (machine, commit, one JSON line per run).
        .target(name: "BenchmarkResults", path: "Benchmarks/BenchmarkResults"),
        .executableTarget(
            name: "site-bench",
            dependencies: ["Site", "Notebook", "Runner", "Figures", "MathML", "BenchmarkResults"],
            path: "Benchmarks/site-bench"
        ),
        .executableTarget(
            name: "runner-bench",
            dependencies: ["Runner", "Notebook", "RecordStream", "Figures", "BenchmarkResults"],
            path: "Benchmarks/runner-bench"
        ),
        .executableTarget(
            name: "engine-bench",
            dependencies: ["TransformerEngine", "BenchmarkResults"],
            path: "Benchmarks/engine-bench"
        ),
        .executableTarget(
            name: "bert-bench",
            dependencies: ["TransformerEngine", "BenchmarkResults"],
            path: "Benchmarks/bert-bench"
        ),
        .testTarget(name: "TransformerEngineTests", dependencies: ["TransformerEngine"], resources: [.copy("Golden")]),
        .testTarget(name: "TextFormatsTests", dependencies: ["TextFormats"]),
        .testTarget(name: "FiguresTests", dependencies: ["Figures"], exclude: ["Snapshots"]),
        .testTarget(name: "RecordStreamTests", dependencies: ["RecordStream"]),
        .testTarget(name: "NotebookRuntimeTests", dependencies: ["NotebookRuntime", "RecordStream"]),
        .testTarget(name: "MathMLTests", dependencies: ["MathML"]),
        .testTarget(name: "NotebookTests", dependencies: ["Notebook"]),
        .testTarget(name: "RunnerTests", dependencies: ["Runner", "Notebook", "Figures"], exclude: ["Fixtures"]),
        .testTarget(name: "SiteTests", dependencies: ["Site", "Notebook", "Runner", "TextFormats"]),
        .testTarget(name: "CheckTests", dependencies: ["Check", "Notebook", "Runner"]),
        .testTarget(name: "NoteResultsTests", dependencies: ["NoteResults", "Figures"]),
        .testTarget(name: "ServeTests", dependencies: ["Serve", "Site", "Notebook", "Runner"]),
        .testTarget(name: "litbookTests", dependencies: ["litbook"]),
    ]
)
