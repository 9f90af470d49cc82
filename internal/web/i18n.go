package web

import (
	"fmt"
	"net/http"
	"sync"

	"github.com/qiangxian/qiangxian/internal/locale"
)

// The browser pages' own catalogue of UI strings, key → {Chinese,
// English}, apart from the API's message catalogue (internal/locale):
// page strings are many, short and never carry an error's cause. Each page
// file registers its keys in an init function with registerUI; the
// template function t looks them up in the page's language.
var (
	uiMu      sync.RWMutex
	uiStrings = map[string][2]string{}
)

// registerUI adds UI strings to the pages' catalogue. A key registered
// twice with different text is a programming error and panics, so that
// two page files cannot silently fight over a key.
func registerUI(m map[string][2]string) {
	uiMu.Lock()
	defer uiMu.Unlock()
	for k, v := range m {
		if old, ok := uiStrings[k]; ok && old != v {
			panic(fmt.Sprintf("web: UI string %q registered twice with different text", k))
		}
		uiStrings[k] = v
	}
}

// ui returns the UI string key in lang, formatted with args when there are
// any. An unknown key renders as itself, visibly, rather than as nothing.
func ui(lang locale.Lang, key string, args ...any) string {
	uiMu.RLock()
	v, ok := uiStrings[key]
	uiMu.RUnlock()
	if !ok {
		return key
	}
	s := v[0]
	if lang == locale.EN && v[1] != "" {
		s = v[1]
	}
	if len(args) > 0 {
		s = fmt.Sprintf(s, args...)
	}
	return s
}

// hasUI reports whether key is in the catalogue (for tests).
func hasUI(key string) bool {
	uiMu.RLock()
	defer uiMu.RUnlock()
	_, ok := uiStrings[key]
	return ok
}

// LangCookie is the cookie that keeps the language chosen with the
// language switch.
const LangCookie = "lang"

// pageLang is the language of a browser page: ?lang= when given, else the
// lang cookie set by the language switch, else Chinese. Unlike the API it
// ignores Accept-Language: the product is Chinese first, and an English
// browser in a provincial office should not get English pages unasked.
func pageLang(r *http.Request) locale.Lang {
	if l := r.URL.Query().Get("lang"); l != "" {
		return locale.Detect(l, noEnv)
	}
	if c, err := r.Cookie(LangCookie); err == nil && c.Value != "" {
		return locale.Detect(c.Value, noEnv)
	}
	return locale.ZH
}

func init() {
	registerUI(map[string][2]string{
		"app.name":         {"强县", "qiangxian"},
		"app.title":        {"县域经济发展综合评价", "County economy evaluation"},
		"app.skip":         {"跳到正文", "Skip to content"},
		"app.sample":       {"示例数据", "sample data"},
		"nav.home":         {"首页", "Home"},
		"nav.rankings":     {"排名", "Rankings"},
		"nav.counties":     {"县区", "Counties"},
		"nav.method":       {"评价办法", "Method"},
		"nav.runs":         {"评价批次", "Runs"},
		"nav.data":         {"数据", "Data"},
		"nav.notice":       {"通报", "Notice"},
		"nav.admin.map":    {"地图设置", "Map"},
		"nav.menu":         {"菜单", "Menu"},
		"nav.login":        {"登录", "Log in"},
		"nav.logout":       {"退出", "Log out"},
		"nav.lang":         {"English", "中文"},
		"nav.lang.title":   {"切换到英文", "Switch to Chinese"},
		"nav.main":         {"主导航", "Main navigation"},
		"err.title":        {"出错了", "Something went wrong"},
		"err.404":          {"找不到这个页面", "Page not found"},
		"err.403":          {"没有权限查看这个页面", "You may not see this page"},
		"err.401":          {"请先登录", "Please log in"},
		"err.500":          {"服务器内部错误，已记录，请稍后再试", "Internal server error; it has been logged"},
		"err.503":          {"服务暂不可用", "Service unavailable"},
		"err.back":         {"返回首页", "Back to the home page"},
		"err.login":        {"登录后再试", "Log in and try again"},
		"empty.title":      {"暂无数据", "Nothing here yet"},
		"empty.noRun":      {"还没有您可以查看的已发布评价结果。", "There is no published run that you may see yet."},
		"empty.noRows":     {"没有符合条件的记录。", "No rows match."},
		"chart.fallback":   {"图表组件（ECharts）未随本程序安装，以下以表格显示。运行 scripts/assets.sh 后重新编译即可显示图表。", "The chart component (ECharts) is not built into this program; the tables below show the same figures. Run scripts/assets.sh and rebuild to get charts."},
		"table.filter":     {"筛选", "Filter"},
		"table.filterPh":   {"输入县区名称或代码", "County name or code"},
		"table.sortHint":   {"点击表头排序", "Click a column heading to sort"},
		"table.shown":      {"显示", "shown"},
		"footer.note":      {"本系统离线运行，不从任何外部网站加载内容。", "This system runs offline and loads nothing from other sites."},
		"footer.sample":    {"当前数据为示例数据，仅用于演示，不代表实际评价结果。", "The current data are sample data for demonstration only."},
		"common.score":     {"得分", "Score"},
		"common.rank":      {"名次", "Rank"},
		"common.county":    {"县区", "County"},
		"common.code":      {"代码", "Code"},
		"common.pref":      {"市州", "Prefecture"},
		"common.type":      {"类型", "Type"},
		"common.change":    {"名次变化", "Rank change"},
		"common.awards":    {"奖项", "Awards"},
		"common.veto":      {"一票否决", "Vetoed"},
		"common.all":       {"全部", "All"},
		"common.run":       {"评价批次", "Run"},
		"common.period":    {"年度", "Year"},
		"common.download":  {"下载", "Download"},
		"common.print":     {"打印", "Print"},
		"common.apply":     {"应用", "Apply"},
		"common.none":      {"无", "none"},
		"state.draft":      {"草稿", "draft"},
		"state.review":     {"审核", "under review"},
		"state.notice":     {"公示", "public notice"},
		"state.objections": {"异议处理", "objections"},
		"state.approved":   {"批准", "approved"},
		"state.published":  {"发布", "published"},
		"state.superseded": {"已被取代", "superseded"},
		"vis.none":         {"不公开", "not public"},
		"vis.winners":      {"仅公开获奖名单", "award winners only"},
		"vis.full":         {"公开完整排名", "full table"},
	})
}
