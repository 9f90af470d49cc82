package ledger

import (
	"fmt"
	"strings"
)

// origin is a place investors come from: a division code (a district of a
// city outside Gansu) or a 2-letter code abroad, the short name their
// invented companies carry, and a weight.
type origin struct {
	code, name string
	weight     float64
}

// domestic are the places outside Gansu the demo's investors come from,
// weighted roughly as the province's sources of outside investment.
var domestic = []origin{
	{"110105", "京华", 10}, {"310115", "沪东", 9}, {"440305", "深蓝", 8}, {"330106", "钱塘", 7},
	{"320506", "吴越", 6}, {"510107", "蜀汉", 6}, {"610113", "长安", 7}, {"370202", "齐鲁", 5},
	{"420106", "楚江", 4}, {"640104", "塞上", 4}, {"630104", "青海湖", 3}, {"650102", "天山", 4},
	{"120116", "渤海", 3}, {"350203", "鹭岛", 3}, {"410105", "中原", 4}, {"500112", "渝北", 4},
	{"150102", "草原", 3}, {"140105", "晋阳", 3}, {"340104", "徽商", 3}, {"430104", "湘江", 3},
}

// abroad are the foreign (and 港澳台) origins.
var abroad = []origin{
	{"HK", "香港", 6}, {"SG", "新加坡", 2}, {"MO", "澳门", 1}, {"TW", "台湾", 1}, {"DE", "德国", 1},
	{"JP", "日本", 1}, {"KR", "韩国", 1}, {"US", "美国", 1},
}

// industry is one of the province's key industrial chains with the kinds
// of project it signs, and the 2-digit industry part of a project code.
type industry struct {
	name     string
	code     string
	projects []string
	firm     string   // the word in its companies' names
	classes  []string // GB/T 4754 小类 codes its projects take in turn (行业代码), so that chains place them
}

var industries = []industry{
	{"新能源", "44", []string{"风电场", "光伏电站", "储能电站", "光伏组件制造", "氢能产业园"}, "新能源", []string{"D4415", "D4416", "C3841", "C3825"}},
	{"新材料", "30", []string{"高性能铝材", "锂电池正极材料", "碳纤维复合材料", "电子级多晶硅"}, "新材料", []string{"C3091", "C3985", "C2662", "C3240"}},
	{"石化", "26", []string{"精细化工", "煤制烯烃配套", "可降解塑料"}, "化工", []string{"C2614", "C2651", "C2662", "C2511"}},
	{"有色冶金", "32", []string{"镍钴新材料", "铜箔生产线", "稀土功能材料"}, "金属", []string{"C3211", "C3216", "C3251", "C3240"}},
	{"装备制造", "35", []string{"风电装备制造", "农机装备", "电工电器"}, "装备", []string{"C3415", "C3571", "C3824", "C3511"}},
	{"数据信息", "65", []string{"数据中心", "算力中心", "软件产业园"}, "数据科技", []string{"I6450", "I6450", "I6510"}},
	{"生物医药", "27", []string{"中药材精深加工", "生物疫苗", "医疗器械"}, "药业", []string{"C2740", "C2761", "C3581"}},
	{"现代农业", "13", []string{"肉牛养殖加工", "高原夏菜基地", "马铃薯精深加工", "苹果冷链仓储", "牛羊屠宰加工"}, "农牧", []string{"C1351", "A0141", "C1371", "C1310", "C1351"}},
	{"文化旅游", "87", []string{"文旅综合体", "景区提升", "研学旅游基地", "乡村旅游"}, "文旅", []string{"N7850", "N7850", "P8399", "N7850"}},
	{"现代物流", "59", []string{"物流园", "冷链物流中心", "陆港多式联运"}, "物流", []string{"G5960", "G5960", "G5960"}},
	{"新型建材", "30", []string{"装配式建筑", "绿色建材产业园"}, "建材", []string{"C3022", "C3021"}},
}

// firmSuffixes close a company's name.
var firmSuffixes = []string{"有限公司", "股份有限公司", "集团有限公司", "投资有限公司", "科技有限公司"}

// investorName invents a company name: an origin's short name, a made-up
// middle word, the industry's word and a suffix, with the demo's mark.
func investorName(r *rng, o origin, ind industry) string {
	mids := []string{"恒", "泰", "盛", "远", "华", "瑞", "鑫", "博", "新", "安", "宏", "嘉", "源", "达", "丰", "润"}
	mid := mids[r.intn(len(mids))] + mids[r.intn(len(mids))]
	return "示例" + o.name + mid + ind.firm + firmSuffixes[r.intn(len(firmSuffixes))]
}

// projectName invents a project's name.
func projectName(r *rng, ind industry, amount float64) string {
	kind := ind.projects[r.intn(len(ind.projects))]
	if amount >= 10 {
		return "（示例）" + kind + "一期项目"
	}
	return "（示例）" + kind + "项目"
}

// usccChars are the characters of a 统一社会信用代码.
const usccChars = "0123456789ABCDEFGHJKLMNPQRTUWXY"

// uscc invents a 统一社会信用代码 registered in place (a 6-digit code)
// with a valid check character (GB 32100-2015).
func uscc(r *rng, place string) string {
	var b strings.Builder
	b.WriteString("91")
	b.WriteString(place)
	for i := 0; i < 9; i++ {
		b.WriteByte(usccChars[r.intn(len(usccChars))])
	}
	s := b.String()
	sum, w := 0, 1
	for i := 0; i < 17; i++ {
		sum += strings.IndexByte(usccChars, s[i]) * w
		w = w * 3 % 31
	}
	return s + string(usccChars[(31-sum%31)%31])
}

// foreignCode invents a foreign registration number.
func foreignCode(r *rng, country string) string {
	return fmt.Sprintf("%s-%08d", country, r.intn(100000000))
}
