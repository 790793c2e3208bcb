"""The sentence set shared by the BERT golden data and bert-bench: English, Chinese, mixed, punctuation, accents, emoji, numbers."""

ENGLISH = [
    "The animal didn't cross the street because it was too tired",
    "The animal didn't cross the street because it was too wide",
    "A man is playing a guitar.",
    "A man plays the guitar on stage.",
    "A woman is slicing an onion.",
    "The cat sat on the mat.",
    "Dogs are loyal companions.",
    "I love reading books on rainy afternoons.",
    "Attention is all you need.",
    "Transformers process all tokens of a sentence in parallel.",
    "Self-attention lets every word look at every other word.",
    "The quick brown fox jumps over the lazy dog.",
    "How do I reset my password?",
    "I forgot my password and cannot log in.",
    "What is the capital of France?",
    "Paris is the capital of France.",
    "The stock market fell sharply today.",
    "Shares dropped steeply on Wall Street.",
    "She sells seashells by the seashore.",
    "Machine learning models need lots of data.",
    "Neural networks learn representations from examples.",
    "The weather is lovely today.",
    "It is sunny and warm outside.",
    "He is eating a sandwich for lunch.",
    "A child is riding a bicycle in the park.",
    "Tokenization splits text into subword units.",
    "Unbelievably, the unbreakable vase shattered.",
    "Antidisestablishmentarianism is a long word.",
    "Pneumonoultramicroscopicsilicovolcanoconiosis",
    "GPT predicts the next token; BERT fills in masked ones.",
    "We went hiking in the mountains last weekend.",
    "The meeting has been moved to Thursday afternoon.",
    "Please send me the report by Friday.",
    "My favourite colour is blue.",
    "Can you recommend a good Italian restaurant?",
    "The train to Boston leaves at noon.",
    "Photosynthesis converts light into chemical energy.",
    "The committee approved the new budget.",
    "Water boils at one hundred degrees Celsius.",
    "A large language model was trained on the internet.",
    "ChatGPT answers questions in a conversational way.",
    "The teacher explained the lesson slowly.",
    "Students asked many questions after class.",
    "Don't count your chickens before they hatch.",
    "It's raining cats and dogs!",
    "I can't believe it's not butter.",
    "They're going to the theatre tonight.",
    "We'll see what happens tomorrow.",
    "He said: \"I'll be back.\"",
    "The embedding of a sentence is a vector.",
    "Cosine similarity measures the angle between vectors.",
    "Queries, keys and values are linear projections.",
    "Layer normalization stabilises training.",
    "Residual connections help gradients flow.",
    "The encoder reads; the decoder writes.",
    "Softmax turns scores into probabilities.",
    "Positional embeddings tell the model where each token is.",
    "A bank can hold money or line a river.",
    "I deposited cash at the bank.",
    "We had a picnic on the river bank.",
    "Time flies like an arrow; fruit flies like a banana.",
    "Colorless green ideas sleep furiously.",
    "The old man the boat.",
    "Buffalo buffalo Buffalo buffalo buffalo buffalo Buffalo buffalo.",
    "UPPERCASE WORDS ARE LOWERCASED BY AN UNCASED MODEL.",
    "MiXeD CaSe TeXt StAyS tHe SaMe AfTeR lOwErInG.",
    "e-mail, co-operate, state-of-the-art, well-known",
    "URLs like https://example.com/path?q=1&r=2 are split.",
    "Contact me at someone@example.org for details.",
    "#hashtags and @mentions appear in tweets",
    "C++ and C# are programming languages; so is F#.",
    "x = y + 2 * (z - 3) / 4",
    "if (a < b && c > d) { return a ^ b | c; }",
    "snake_case and camelCase and kebab-case",
    "   leading and trailing spaces   ",
    "tabs\tand\nnewlines\r\ninside",
    "multiple     spaces     between     words",
    "",
    "a",
    "supercalifragilisticexpialidocious " * 3,
    "x" * 120,
    "abc" * 40 + " short",
]

CHINESE = [
    "我爱自然语言处理。",
    "今天天气很好。",
    "今天的天气非常不错。",
    "注意力机制让模型关注重要的词。",
    "自注意力机制是 Transformer 的核心。",
    "猫坐在垫子上。",
    "这只动物没有过马路，因为它太累了。",
    "机器学习需要大量的数据。",
    "我喜欢在下雨的下午读书。",
    "他正在吃午饭。",
    "北京是中国的首都。",
    "巴黎是法国的首都。",
    "股市今天大幅下跌。",
    "请在星期五之前把报告发给我。",
    "学生们下课后问了很多问题。",
    "老师慢慢地讲解了这一课。",
    "分词把文本切成更小的单位。",
    "你好，世界！",
    "「引号」和《书名号》也是标点。",
    "一二三四五六七八九十",
    "㐀㐁㐂 are rare CJK Extension A characters",
    "𠀀𠀁 are CJK Extension B characters",
    "豈更車 are compatibility ideographs",
    "繁體中文與簡體中文",
    "生成式预训练变换器",
    "ChatGPT 是一个大型语言模型。",
    "深度学习改变了计算机视觉。",
    "他说：“明天见。”",
    "我们周末去爬山了。",
    "会议改到了星期四下午。",
]

MIXED = [
    "我在用 PyTorch 2.13 训练 BERT 模型。",
    "GPT-4 和 ChatGPT 有什么区别？",
    "Transformer（变换器）由编码器和解码器组成。",
    "第 3 层的第 7 个注意力头",
    "I said 你好 to my friend.",
    "日本語のテキストもあります。",
    "ひらがなとカタカナ",
    "한국어 문장도 있습니다.",
    "Это предложение на русском языке.",
    "Ελληνικά γράμματα",
    "هذه جملة باللغة العربية.",
    "זה משפט בעברית.",
    "यह हिंदी में एक वाक्य है।",
    "ภาษาไทยไม่มีช่องว่างระหว่างคำ",
    "Tiếng Việt có nhiều dấu.",
    "价格是 ¥100 或 $15.99。",
    "温度是 25°C，湿度 60%。",
    "BERT 的词表有 30522 个词。",
    "attention 注意力 attention 注意力",
    "第一章：Introduction to 深度学习",
]

ACCENTS = [
    "Café au lait, s'il vous plaît.",
    "naïve résumé façade coöperate",
    "Crème brûlée is délicieux.",
    "Ångström, Øresund and Ærø",
    "São Paulo é uma cidade grande.",
    "El niño comió jalapeños en España.",
    "Über die Brücke gehen Mädchen und Jungen.",
    "Straße and STRASSE",
    "Zürich, Genève, Besançon",
    "Dvořák and Janáček were Czech composers.",
    "Łódź is a city in Poland.",
    "İstanbul and ırmak in Turkish",
    "ﬁne ﬂower with ligatures",
    "Ｆｕｌｌｗｉｄｔｈ ｌｅｔｔｅｒｓ",
    "e\u0301 composed by a combining accent",
    "A\u030a and \u00c5 are the same after NFC",
]

PUNCTUATION = [
    "Hello, world!",
    "Wait... what?!",
    "Well — that's — unexpected.",
    "“Smart quotes” and ‘single ones’",
    "(parentheses) [brackets] {braces} <angles>",
    "He paid $5.00 for 3 apples @ $1.67 each.",
    "50% off!!! Limited time only***",
    "~tilde~ `backtick` ^caret^ |pipe|",
    "semi;colon:colon,comma.period",
    "¿Dónde está la biblioteca? ¡Aquí!",
    "«French quotes» and „German quotes“",
    "¶ section § and † dagger ‡",
    "…ellipsis character…",
    "a-b–c—d―e",
    "'single' \"double\"",
    "!@#$%^&*()_+-=[]{};':\",./<>?",
    "\u00a0non-breaking\u00a0spaces\u00a0here",
    "zero\u200bwidth\u200bspace",
    "soft\u00adhyphen",
    "control\u0007char and \u0000null",
    "replacement \ufffd char",
    "right\u200fto\u200eleft marks",
    "hello[SEP]world and a [MASK] token",
    "lower-case [sep] and [cls] are not special",
]

EMOJI = [
    "I love pizza 🍕!",
    "Great job 👍👍👍",
    "😀 😃 😄 😁",
    "The weather is ☀️ today",
    "Family: 👨‍👩‍👧‍👦",
    "Flags 🇫🇷 🇨🇳 🇺🇸",
    "hearts ❤️💙💚",
    "math symbols ∑ ∫ √ ∞ ≈ ≠",
    "arrows → ← ↑ ↓",
    "emoji🙂inside words",
    "skin tones 👋🏻 👋🏿",
    "music ♪ ♫ and stars ★ ☆",
]

NUMBERS = [
    "3.14159 is pi.",
    "The year 2024 had 366 days.",
    "Call 555-0199 or +1 (800) 123-4567.",
    "1,000,000 is a million.",
    "The ratio is 16:9 and the score 3-2.",
    "Version 2.13.0 was released on 2025-01-15.",
    "0.001 0.01 0.1 1 10 100 1000",
    "12345678901234567890",
    "1st 2nd 3rd 4th 21st",
    "IPv4 192.168.0.1 and port 8080",
    "Ⅰ Ⅱ Ⅲ Ⅳ roman numerals",
    "½ ¼ ¾ fractions and ² ³ superscripts",
    "٠١٢٣٤٥٦٧٨٩ Arabic-Indic digits",
    "１２３ fullwidth digits",
    "1e-12 and 6.02e23 in scientific notation",
    "It costs €42.50, £30 or ¥4,500.",
]

# Short sentences of about 16 tokens for the speed comparison (64 of them).
BENCH = [
    f"{subject} {verb} {thing} in the {place} every {time}."
    for subject, verb, thing, place, time in [
        (s, v, t, p, tm)
        for s in ["The young student", "My older brother", "A tired engineer", "Our new neighbour"]
        for v in ["reads", "writes"]
        for t in ["long letters", "short stories"]
        for p in ["quiet library", "busy kitchen"]
        for tm in ["morning", "evening"]
    ]
]


def numbered():
    """Sentences built from templates: numbers and words the hand-written lists do not cover."""
    out = []
    for n in [0, 7, 42, 99, 128, 2048, 65536, 3.5, -17]:
        out.append(f"There are {n} apples in the basket.")
    for word in ["unhappiness", "rethinking", "transformers", "embeddings", "tokenizers", "attentional",
                 "preprocessing", "overfitting", "backpropagation", "hyperparameters"]:
        out.append(f"The word {word} is split into pieces.")
    for zh in ["语言", "模型", "向量", "注意", "学习", "训练", "句子", "词语"]:
        out.append(f"“{zh}”在英文里怎么说？")
    return out


def sentences():
    """The whole set, in a fixed order."""
    return ENGLISH + CHINESE + MIXED + ACCENTS + PUNCTUATION + EMOJI + NUMBERS + numbered()
