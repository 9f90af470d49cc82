package seed

import "github.com/qiangxian/qiangxian/internal/chain"

// demoChain is a demo industrial chain: its code, name, 链长's post, lead
// department, the prefectures whose counties take it as a key chain, its
// minimum of local enterprises, and its nodes.
type demoChain struct {
	code, name, post, dept string
	prefectures            []string
	minLocal               int
	nodes                  []chain.Node
}

// node writes a chain node on one line.
func node(code, name string, seg chain.Segment, inds []string, inputs ...string) chain.Node {
	return chain.Node{Code: code, Name: name, Segment: seg, Industries: inds, Inputs: inputs}
}

var up, mid, down = chain.Upstream, chain.Midstream, chain.Downstream

// demoChains are fourteen chains named after the key industrial chains
// Gansu reports (14条重点产业链; the list of names is as commonly reported
// and not checked against an official document), each marked 示例: their
// nodes, posts and departments are invented for the demo. The industry
// codes follow GB/T 4754-2017 and match the demo zone enterprises and the
// demo ledger's classes, so that enterprises and projects fall into nodes.
var demoChains = []demoChain{
	{"SHHG", "石油化工产业链", "省政府分管副省长", "省工业和信息化厅", []string{"620100", "621000"}, 3, []chain.Node{
		node("N1", "原油开采", up, []string{"B07"}),
		node("N2", "原油加工及石油制品", mid, []string{"C251"}, "N1"),
		node("N3", "基础化学原料", mid, []string{"C261"}, "N2"),
		node("N4", "合成材料", down, []string{"C265"}, "N3"),
		node("N5", "专用化学产品", down, []string{"C266"}, "N3"),
	}},
	{"YSYJ", "有色冶金产业链", "省政府分管副省长", "省工业和信息化厅", []string{"620300", "620400"}, 3, []chain.Node{
		node("N1", "有色金属矿采选", up, []string{"B09"}),
		node("N2", "常用有色金属冶炼", mid, []string{"C321"}, "N1"),
		node("N3", "有色金属合金", mid, []string{"C324"}, "N2"),
		node("N4", "有色金属压延加工", down, []string{"C325"}, "N2", "N3"),
		node("N5", "金属制品", down, []string{"C33"}, "N4"),
	}},
	{"GT", "钢铁产业链", "省政府分管副省长", "省工业和信息化厅", []string{"620200", "620900"}, 2, []chain.Node{
		node("N1", "铁矿采选", up, []string{"B08"}),
		node("N2", "炼铁", mid, []string{"C311"}, "N1"),
		node("N3", "炼钢", mid, []string{"C312"}, "N2"),
		node("N4", "钢压延加工", down, []string{"C313"}, "N3"),
		node("N5", "铁合金冶炼", mid, []string{"C314"}, "N1"),
	}},
	{"XNY", "新能源产业链", "省政府分管副省长", "省发展和改革委员会", []string{"620900", "620700"}, 3, []chain.Node{
		node("N1", "风力发电", mid, []string{"D4415"}),
		node("N2", "太阳能发电", mid, []string{"D4416"}),
		node("N3", "储能电池", up, []string{"C3841"}),
		node("N4", "输配电", down, []string{"D442"}, "N1", "N2", "N3"),
	}},
	{"XNYZB", "新能源装备制造产业链", "省政府分管副省长", "省工业和信息化厅", []string{"620900", "620100"}, 3, []chain.Node{
		node("N1", "风能原动设备", mid, []string{"C3415"}),
		node("N2", "光伏设备及元器件", mid, []string{"C3825"}),
		node("N3", "输配电及控制设备", mid, []string{"C382"}),
		node("N4", "电线电缆", up, []string{"C383"}),
		node("N5", "电池", up, []string{"C384"}),
		node("N6", "其他电气机械", down, []string{"C3849"}, "N3", "N4"),
	}},
	{"XCL", "新材料产业链", "省政府分管副省长", "省工业和信息化厅", []string{"620300", "620100", "620400"}, 3, []chain.Node{
		node("N1", "非金属矿采选", up, []string{"B10"}),
		node("N2", "非金属矿物制品", mid, []string{"C30"}, "N1"),
		node("N3", "石墨及碳素制品", mid, []string{"C3091"}, "N1"),
		node("N4", "电子专用材料", down, []string{"C3985"}, "N3"),
		node("N5", "专用化学品", down, []string{"C2662"}),
	}},
	{"DZXX", "电子信息产业链", "省政府分管副省长", "省工业和信息化厅", []string{"620500", "620100"}, 3, []chain.Node{
		node("N1", "电子专用材料", up, []string{"C398"}),
		node("N2", "半导体器件", mid, []string{"C397"}, "N1"),
		node("N3", "计算机制造", down, []string{"C391"}, "N2"),
		node("N4", "通信设备", down, []string{"C392"}, "N2"),
	}},
	{"SWYY", "生物医药产业链", "省政府分管副省长", "省药品监督管理局", []string{"621100", "621200", "620100"}, 3, []chain.Node{
		node("N1", "中药材种植", up, []string{"A017"}),
		node("N2", "中成药生产", mid, []string{"C274"}, "N1"),
		node("N3", "化学药品制剂", mid, []string{"C272"}),
		node("N4", "生物药品", mid, []string{"C276"}),
		node("N5", "医疗器械", down, []string{"C358"}),
	}},
	{"ZBZZ", "装备制造产业链", "省政府分管副省长", "省工业和信息化厅", []string{"620100", "620500"}, 4, []chain.Node{
		node("N1", "通用设备", mid, []string{"C34"}),
		node("N2", "专用设备", mid, []string{"C35"}),
		node("N3", "电气机械", mid, []string{"C38"}),
		node("N4", "仪器仪表", up, []string{"C40"}),
		node("N5", "农业机械", down, []string{"C357"}, "N1"),
	}},
	{"SJXX", "数据信息产业链", "省政府分管副省长", "省数据局", []string{"620700", "620100"}, 2, []chain.Node{
		node("N1", "算力基础设施", up, []string{"I6450"}),
		node("N2", "软件开发", mid, []string{"I651"}, "N1"),
		node("N3", "信息技术服务", down, []string{"I653", "I654", "I655"}, "N2"),
		node("N4", "计算机整机", up, []string{"C3911", "C3912"}),
	}},
	{"MHG", "现代煤化工产业链", "省政府分管副省长", "省发展和改革委员会", []string{"621000", "620400"}, 3, []chain.Node{
		node("N1", "煤炭开采洗选", up, []string{"B06"}),
		node("N2", "煤炭加工", mid, []string{"C252"}, "N1"),
		node("N3", "煤制化学原料", mid, []string{"C2614"}, "N2"),
		node("N4", "煤制合成材料", down, []string{"C2651"}, "N3"),
	}},
	{"LSNP", "特色农产品及食品加工产业链", "省政府分管副省长", "省农业农村厅", []string{"620600", "620800", "621100"}, 3, []chain.Node{
		node("N1", "种植养殖", up, []string{"A01", "A03"}),
		node("N2", "谷物磨制", mid, []string{"C131"}, "N1"),
		node("N3", "屠宰及肉类加工", mid, []string{"C135"}, "N1"),
		node("N4", "蔬菜水果加工", mid, []string{"C137"}, "N1"),
		node("N5", "乳制品", down, []string{"C144"}, "N1"),
		node("N6", "饮料", down, []string{"C15"}, "N4"),
	}},
	{"XXJC", "新型建材产业链", "省政府分管副省长", "省住房和城乡建设厅", []string{"620400", "620600"}, 2, []chain.Node{
		node("N1", "建筑用石开采", up, []string{"B101"}),
		node("N2", "水泥制造", mid, []string{"C3011"}, "N1"),
		node("N3", "混凝土及构件", down, []string{"C3021", "C3022"}, "N2"),
		node("N4", "建筑材料", down, []string{"C303"}, "N1"),
	}},
	{"WHLY", "文化旅游产业链", "省政府分管副省长", "省文化和旅游厅", []string{"620900", "622900", "623000"}, 2, []chain.Node{
		node("N1", "文化创意", up, []string{"R86", "R87"}),
		node("N2", "游览景区管理", mid, []string{"N785"}, "N1"),
		node("N3", "旅游住宿餐饮", down, []string{"H61", "H62"}, "N2"),
		node("N4", "旅行社服务", down, []string{"L7291"}, "N2"),
	}},
}

// demoRegions are the source regions (招商目标区域) the demo chains are
// assigned, two each in turn.
var demoRegions = []string{"长三角", "珠三角", "京津冀", "成渝地区", "粤港澳大湾区", "中亚及“一带一路”沿线"}

// demoTargetPlaces are where the demo target enterprises stand, with the
// word their invented names take.
var demoTargetPlaces = []struct{ code, word string }{
	{"310000", "沪"}, {"440300", "深"}, {"110000", "京"}, {"320500", "苏"}, {"330100", "杭"}, {"510100", "蓉"}, {"HK", "港"},
}
