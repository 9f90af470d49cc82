package demo

// The five county types of Gansu's method (甘政办发〔2021〕41号).
const (
	Urban       = "城市服务型"
	Industry    = "工业主导型"
	Agriculture = "农业优先型"
	Tourism     = "文旅赋能型"
	Ecology     = "生态功能型"
)

// Types returns the five county types in the order the method lists them.
func Types() []string { return []string{Urban, Industry, Agriculture, Tourism, Ecology} }

// countyTypes is each county's primary and optional second type.
//
// Only ten assignments are published (marked "published", sources in
// shared/notes/sources.md §1.2); Gansu's full list is not. The others follow
// the rules of 41号 and the county's known economy: districts take
// 城市服务型 or 工业主导型 first; counties in restricted development zones
// (most rural counties) must take 农业优先型 or 生态功能型 first and may add
// a second type; industry means oil, coal, metals or power; tourism a
// nationally known site.
var countyTypes = map[string][2]string{
	// 兰州市
	"620102": {Urban, ""},
	"620103": {Urban, ""},
	"620104": {Industry, ""}, // petrochemicals
	"620105": {Industry, ""}, // 虚构: the type is not published; 2021 先进县 of 工业主导型 here
	"620111": {Industry, ""},
	"620121": {Agriculture, Industry}, // cement
	"620122": {Agriculture, ""},
	"620123": {Agriculture, Tourism}, // 兴隆山
	// 金昌市
	"620302": {Industry, ""}, // nickel and copper
	"620321": {Agriculture, Industry},
	// 白银市
	"620402": {Industry, ""}, // non-ferrous metals; 2021 先进县 of its type (type not published: 虚构)
	"620403": {Industry, ""}, // coal, power
	"620421": {Agriculture, Industry},
	"620422": {Agriculture, Tourism}, // 会宁会师旧址
	"620423": {Agriculture, Tourism}, // 黄河石林
	// 天水市
	"620502": {Urban, Tourism},    // 伏羲庙
	"620503": {Industry, Tourism}, // machinery; 麦积山石窟; 2021 先进县 of 文旅赋能型 (type not published: 虚构)
	"620521": {Agriculture, ""},
	"620522": {Agriculture, ""},
	"620523": {Agriculture, ""},
	"620524": {Agriculture, ""},
	"620525": {Agriculture, Ecology}, // published
	// 武威市
	"620602": {Urban, Industry},       // published
	"620621": {Ecology, Agriculture},  // published
	"620622": {Agriculture, Industry}, // published
	"620623": {Ecology, Tourism},      // 祁连山, 乌鞘岭
	// 张掖市
	"620702": {Urban, Agriculture}, // seed maize
	"620721": {Ecology, Tourism},   // 祁连山, 七彩丹霞
	"620722": {Agriculture, ""},
	"620723": {Agriculture, Tourism}, // 七彩丹霞
	"620724": {Agriculture, ""},
	"620725": {Agriculture, ""},
	// 平凉市
	"620802": {Urban, Industry}, // published
	"620821": {Agriculture, Tourism},
	"620822": {Agriculture, ""},
	"620823": {Agriculture, Industry}, // coal, power
	"620825": {Agriculture, ""},
	"620826": {Agriculture, ""}, // apples; 2021 先进县 of its type (type not published: 虚构)
	"620881": {Industry, ""},    // coal
	// 酒泉市
	"620902": {Urban, ""},             // published
	"620921": {Agriculture, ""},       // published
	"620922": {Agriculture, Industry}, // wind power
	"620923": {Ecology, Industry},     // mining
	"620924": {Ecology, ""},           // published
	"620981": {Industry, ""},          // oil, wind power
	"620982": {Tourism, ""},           // published
	// 庆阳市
	"621002": {Urban, Industry},
	"621021": {Industry, Agriculture}, // oil (长庆油田)
	"621022": {Agriculture, Industry}, // oil, livestock
	"621023": {Ecology, Industry},     // 子午岭; oil
	"621024": {Ecology, ""},           // 子午岭
	"621025": {Agriculture, ""},
	"621026": {Agriculture, Industry}, // coal
	"621027": {Agriculture, ""},
	// 定西市
	"621102": {Urban, ""}, // potatoes
	"621121": {Agriculture, ""},
	"621122": {Agriculture, Industry}, // herbal medicine processing
	"621123": {Agriculture, ""},
	"621124": {Agriculture, ""},
	"621125": {Ecology, ""},
	"621126": {Ecology, ""}, // 当归; 洮河 headwaters; 2021 先进县 of 生态功能型 (type not published: 虚构)
	// 陇南市
	"621202": {Urban, Agriculture},
	"621221": {Industry, ""}, // lead and zinc
	"621222": {Ecology, Tourism},
	"621223": {Ecology, Tourism}, // 官鹅沟
	"621224": {Ecology, Tourism},
	"621225": {Agriculture, ""},
	"621226": {Agriculture, ""},
	"621227": {Agriculture, Industry},
	"621228": {Ecology, Tourism},
	// 临夏回族自治州
	"622901": {Urban, ""}, // published
	"622921": {Agriculture, ""},
	"622922": {Agriculture, ""},
	"622923": {Tourism, Industry}, // 刘家峡, 炳灵寺; hydropower
	"622924": {Agriculture, ""},
	"622925": {Agriculture, Tourism},
	"622926": {Agriculture, ""},
	"622927": {Agriculture, ""},
	// 甘南藏族自治州
	"623001": {Urban, Tourism},
	"623021": {Agriculture, Tourism}, // 冶力关
	"623022": {Ecology, ""},
	"623023": {Ecology, ""},
	"623024": {Ecology, Tourism}, // 扎尕那
	"623025": {Ecology, ""},
	"623026": {Tourism, Ecology}, // 郎木寺
	"623027": {Tourism, Ecology}, // 拉卜楞寺
}

// InventedAwardTypes returns, for the 2021 先进县 whose type the published
// lists do not state, the type the demo awards them in: a choice of the
// demo (虚构), shown as such wherever the award appears.
func InventedAwardTypes() map[string]string {
	return map[string]string{
		"620102": Urban, "620402": Industry, "620105": Industry, "620826": Agriculture, "620503": Tourism, "621126": Ecology,
	}
}

// CountyTypes returns the demo's primary and second type (or "") of the
// county with the code.
func CountyTypes(code string) (primary, second string) {
	t := countyTypes[code]
	return t[0], t[1]
}

// hasType reports whether the county declared t as either of its types.
func hasType(code, t string) bool {
	ts := countyTypes[code]
	return ts[0] == t || ts[1] == t
}
