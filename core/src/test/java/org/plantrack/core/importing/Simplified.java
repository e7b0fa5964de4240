package org.plantrack.core.importing;

/** Test helper: folds the Traditional characters used in the tests to Simplified, for comparisons. */
final class Simplified {
    private static final String T = "協號點關於發區級會縣學術場項個輛屆內開設舉辦籌備獎薦報論臺館讀編匯講議務識";
    private static final String S = "协号点关于发区级会县学术场项个辆届内开设举办筹备奖荐报论台馆读编汇讲议务识";

    private Simplified() {
    }

    static String of(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            int i = T.indexOf(c);
            b.append(i >= 0 ? S.charAt(i) : c);
        }
        return b.toString();
    }
}
