package org.plantrack.core.importing;

import java.util.regex.Pattern;

/**
 * The lines a web page or a document-sharing site puts around a plan when it is copied as text: breadcrumbs
 * ({@code 当前位置：首页 > 信息公开}), publication lines ({@code 时间：… 来源：… 字号：[大 中 小]}, {@code 浏览次数}), the
 * page's metadata table flattened one cell per line ({@code 信息索引号} / {@code 014006446/2024-00026}), HTML tag
 * lines, {@code ![](…)} images, navigation words ({@code 返回}, {@code English}, {@code 全文}) and editors' lines.
 * They are neither title, preamble nor tasks. Works on folded lines (Simplified, ASCII punctuation).
 */
final class PageChrome {

    private static final Pattern BREADCRUMB = Pattern.compile(
            "^(您?(当前)?(所在)?的?位置|当前位置|所在位置|我的位置)\\s*[:：]|首页\\s*[>/＞]|首页\\s*>|>\\s*正文\\s*$");
    private static final Pattern PUBLICATION = Pattern.compile(
            "(来源|稿件来源|发布时间|发布日期|信息来源|浏览次数|浏览量|访问量|阅读量|点击数|点击量|字号|字体|文字大小|查看次数"
            + "|作者|责任编辑|编辑|发布机构|发布)\\s*[:：]|浏览次数|【\\s*字[体号]|\\[\\s*大\\s*中\\s*小\\s*\\]|扫一扫|打印本页|关闭窗口"
            + "|分享到|阅读\\s*\\(\\d+\\)|扫描到手机|^欢迎(登陆|登录|访问|来到)");
    private static final Pattern DATE_TIME = Pattern.compile(
            "^(日期\\s*[:：]\\s*)?\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}(\\s+\\d{1,2}:\\d{2}(:\\d{2})?)?$"
            + "|^\\d{4}年\\d{1,2}月\\d{1,2}日\\s*星期[一二三四五六日天]$|^\\d{4}年\\d{1,2}月\\d{1,2}日\\s+\\d{1,2}:\\d{2}");
    private static final Pattern HTML = Pattern.compile("^[•·\\s]*(<[^>]*>\\s*)+$|^[•·]");
    private static final Pattern IMAGE = Pattern.compile("!\\[[^\\]]*\\]\\([^)]*\\)");
    private static final Pattern NAV = Pattern.compile(
            "^(返\\s*回|english|en|繁体版.*|简体版.*|手机客户端.*|提示|菜单|分享|打印|关闭|文章图片|全文|显示全部表格信息"
            + "|通\\s*知|计划总结|论文部分内容阅读|用户登录|立即注册|还没有账号\\?)$", Pattern.CASE_INSENSITIVE);
    /** Labels of a government page's metadata table (信息公开目录). */
    private static final Pattern META_LABEL = Pattern.compile(
            "^(索\\s*引\\s*号|信息索引号|发文日期|成文日期|公开日期|生成日期|文件编号|文\\s*号|公开时限|发布机构|公开形式|公开方式"
            + "|公开范围|有效期|公开程序|主题分类|主题|体裁|关键词|文件下载|内容概述|效力状况|附件下载|组配分类|发文机关)");
    private static final Pattern META_START = Pattern.compile("索|信息索引|发文|成文|公开|生成|文件|文\\s*号|发布机构|主题|体裁|关键词|内容概述|效力|附件下载|组配|发文机关");
    private static final Pattern SITE_TWICE = Pattern.compile("^(\\p{IsHan}{4,20})\\1$");

    private PageChrome() {
    }

    /** What a line is. */
    enum Kind { TEXT, CHROME, META_LABEL }

    /** Whether folded, trimmed line {@code f} is page chrome, a metadata label (its value follows), or text. */
    static Kind of(String f) {
        if (f.isEmpty()) {
            return Kind.TEXT;
        }
        char c0 = f.charAt(0);
        boolean sentence = f.indexOf('。') >= 0;
        if (sentence && c0 != '<' && c0 != '•' && c0 != '·' && f.indexOf("![") < 0 && !META_START.matcher(f).lookingAt()) {
            // running text: only tags, images and metadata cells can be chrome there
            return Kind.TEXT;
        }
        if (HTML.matcher(f).find()) {
            return Kind.CHROME;
        }
        if (PlanReader.styleOf(f) != null) {
            return Kind.TEXT;
        }
        if (NAV.matcher(f).matches() || DATE_TIME.matcher(f).find()
                || SITE_TWICE.matcher(f).matches()) {
            return Kind.CHROME;
        }
        String noImages = IMAGE.matcher(f).replaceAll("").strip();
        if (noImages.isEmpty()) {
            return Kind.CHROME;
        }
        if (!sentence && (BREADCRUMB.matcher(f).find() || PUBLICATION.matcher(f).find())) {
            return Kind.CHROME;
        }
        if (META_LABEL.matcher(f).lookingAt()) {
            String rest = META_LABEL.matcher(f).replaceFirst("").strip();
            if (rest.isEmpty()) {
                return Kind.META_LABEL;
            }
            if (rest.startsWith(":") || rest.startsWith("|") || rest.startsWith("：") || f.contains(" | ")
                    || Character.isWhitespace(f.charAt(f.length() - rest.length() - 1))) {
                return Kind.CHROME;
            }
        }
        if (f.startsWith("|") || (f.split("\\|", -1).length >= 4 && !sentence)) {
            return Kind.CHROME;
        }
        return Kind.TEXT;
    }

    /** Whether a line right after a metadata label is its value: short, and no sentence. */
    static boolean metaValue(String f) {
        return !f.isEmpty() && f.length() <= 40 && f.indexOf('。') < 0 && PlanReader.styleOf(f) == null;
    }
}
