// Passwords that top every leaked-password list, world-wide and Chinese (the CSDN, 12306 and
// QQ leaks: number runs, 520/1314 "I love you for life", pinyin + digits, keyboard walks). A
// guesser tries these first, so they are refused even when they meet the length and
// letter-and-digit rules. Compared case-insensitively. Kept short on purpose: a few hundred
// entries catch most real guessing; a long list would only refuse more passwords nobody guesses.

const LIST = `
123456 123456789 12345678 1234567890 1234567 12345 123123 111111 000000 666666 888888 88888888
11111111 00000000 66666666 12341234 123321 654321 112233 121212 123654 147258 147258369 159357
159753 987654321 741852963 5201314 1314520 5211314 1314521 520520 521521 7758521 7758258 9958123
a123456 a12345678 a123456789 aa123456 aa12345678 abc123 abc1234 abc12345 abc123456 abcd1234
abcd12345 a1b2c3 a1b2c3d4 a1234567 a11111 a111111 aaa111 aaa123 aaa123456 q123456 qq123456
qq12345678 qq5201314 qq1314520 z123456 zz123456 w123456 s123456 x123456 l123456 123456a 123456aa
123456abc 123456q 123456qq 123456z 12345678a 123456789a 1234567a 111111a 1a2b3c 1a2b3c4d 123abc
123qwe 123qweasd 123qweasdzxc qwe123 qwe123456 qweasd123 qweasdzxc qwerty qwerty1 qwerty12
qwerty123 qwertyuiop qwer1234 1234qwer q1w2e3r4 q1w2e3r4t5 1q2w3e4r 1q2w3e4r5t 1q2w3e 1qaz2wsx
1qaz2wsx3edc qaz123 qaz123456 qazwsx qazwsx123 qazwsxedc zaq12wsx zxc123 zxc123456 zxcvbnm
zxcvbnm123 asd123 asd123456 asdasd123 asdf1234 asdfgh asdfghjkl asdf123 aini1314 woaini
woaini1314 woaini520 woaini521 woaini123 woaini1234 iloveyou iloveyou1 iloveu1314 love1314
love123 love520 loveyou520 5201314a 5201314q wang123 wang123456 wang1234 zhang123 zhang123456
li123456 liu123456 chen123456 yang123456 zhao123456 huang123456 zhou123456 wu123456 xu123456
sun123456 hu123456 zhu123456 gao123456 lin123456 he123456 guo123456 ma123456 luo123456
wangwei123 zhangwei123 liwei123 woshishui 123456wang zhongguo zhongguo123 china123 china1234
beijing123 shanghai123 jiayou123 xiaoming123 baobao123 baobei123 baobei520 laopo520 laogong520
nihao123 nihao123456 wodemima mima123 mima123456 mima1234 password password1 password12
password123 passw0rd p@ssw0rd p@ssword pass1234 pass123 admin admin123 admin1234 admin888
admin123456 administrator root123 root1234 test123 test1234 test123456 guest123 user123
user1234 welcome welcome1 welcome123 letmein letmein1 monkey monkey1 dragon dragon1 master
master123 football baseball sunshine princess shadow superman batman trustno1 michael jordan23
hello123 hello1234 abc123abc abcabc123 aaaa1111 aaaa1234 a1a1a1a1 a5201314 a520520 a1314520
qwe12345 123456789q 12qwaszx 1234abcd 1234asdf 1234zxcv 123asd 123zxc 520123 521123 123520
dearbook jiaojing122 jiaojing123 police110 police123 jingcha123 12345678910 1111aaaa 111222333
a12345 ab123456 abc123321 q1q1q1q1 qazxsw123 1qazxsw2 zaqxsw123 xiaoxiao123
`;

export const COMMON_PASSWORDS: ReadonlySet<string> = new Set(LIST.split(/\s+/).filter(Boolean));

export function isCommonPassword(password: string): boolean {
  return COMMON_PASSWORDS.has(password.trim().toLowerCase());
}
