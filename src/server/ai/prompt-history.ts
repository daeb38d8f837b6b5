/**
 * Every default prompt body this product has shipped, by prompt, as the SHA-256 of the trimmed file
 * (the current file included). At start-up an install whose published prompt is an older shipped
 * default — one no admin has edited — gets the current default published as a new version; an
 * install whose admin published their own text gets the new default as a draft to review instead
 * (see `upgradeDefaultPrompts` in prompts.ts).
 *
 * Editing a file in `prompts/` means adding the new body's digest here (newest first); a unit test
 * fails until it is, printing the digest. Never remove one: installs may still run that version.
 */
export const SHIPPED_PROMPT_DIGESTS: Readonly<Record<string, readonly string[]>> = {
  chat: [
    // Brand memory, the context's sections and the conversation summary (issue 13).
    '7fb6c026626263ba3b7ff5b13a76e16ecba5c2a3d73bfe2364bb776d30d331a5',
    // Cite retrieved passages as [n] (issue 12).
    'f0b3e176b3f1f7bae6e86a03d75d4b729af9b24a467ab56c5a393c20fb14f003',
    '0aca14e898ed8753bcd83895bd758130513874a30e71aabe4a086e93af3f2737',
  ],
  'insight-guidance': [
    // Brand memory, the context's sections and the conversation summary (issue 13).
    '05244bd2cbd479869301867e0a873ce80a8ea0b0a6ab85b6ce814c8ca521976e',
    'fde7262ccf5db00869cfbc326e8391343ef3a53970455f5c56fadd0f2d809fd8',
    '6b6173fdb95131d65dcd460d37c4d1b3834496f23a6986a6961d80b520f00699',
    '9017937392ae838b593bb21f24defc8aaef2dd1e1fb9ecf96b70378cebf02a48',
  ],
  'canvas-suggestion': [
    // Brand memory, the context's sections and the conversation summary (issue 13).
    'd33d72b8d6bc170b2a454184e63b523d8e8da9288b479993f0b07392913ec445',
    'ec26b1db7e79c9aa29b4af6f424793542bc7186a4ac21f2009836bfc3dafff19',
    '9988b12abc22cf2f815fb30e421d4d8fea914aec357c6d27892c0fc66842e4c9',
    'd9921b50e3406e90b464e378bbbe3a021622196be2ec747f5d2bfb03207b325b',
  ],
  'contextual-help': [
    // Brand memory, the context's sections and the conversation summary (issue 13).
    'e7abc841cd897243fe2331688905756f2967cd1b2914d03094703a6412c2308d',
    '5c1c750596d8ee828c1cd6ac5a877f991e8b56d40ec45ae28334baa4e634dfd8',
    '60292be809a20f17a9fa125e7a2f889a35fba718cd2e5d9ef80f6f83971ab778',
    'd6a1447b1ebb523c065f270363c96fea32093aba193bb49dea77fa8646efe35f',
  ],
  'diagnostic-reading': [
    // Brand memory, the context's sections and the conversation summary (issue 13).
    '1b25573fa95b8f9fab0161f7187724475a7dd19e1568113d1683c0bc46afd098',
    '88afb2b4e363ba7db12747ce9453470edbce112e6522e0e0d4970eccb1130f35',
    '07d0613e3499c88d3d8728e92f1a2681845689f69b22d4d2ad35f0aa14fbeb22',
  ],
  'buyer-intent': [
    // A reason per term, and the owner's brand names make terms navigational (issue 14).
    '4ec6edccd535672f6b6ca4c0495be195245a9078b94ce1da7f1240d8c4d2d177',
    '7b3d7dcb14be5e19b67a2308af0e47a2c84a6675c3c72a7002795f36c43489e6',
  ],
  'review-analysis': ['27e850664c32bfeed9fdd8ee360e5427831c1ed0d9e541795b125d992292d434'],
  'avatar-voice': [
    '03b950b8985ed53b3c2644fa846c20c5cc24c07a5c93cca43e2e8d7a7bcf974e',
    '60029ba86c113ca1593c6168c509f091cf9c277837f4af777bb34a33c46d980a',
  ],
  'value-lens-copy': [
    '696c333981c536cd42073a87396a2f2b7210fed20871afedd9e9319914445b93',
    '8b17fbe37cff827ed9298d1469c41bce2e3e93af24387b991e3e4ab71c994988',
  ],
};
