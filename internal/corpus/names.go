package corpus

// The word pools below are general Chinese vocabulary: provinces and their
// cities, industry words, legal forms and honour titles from the national and
// provincial catalogues. Organisation names are made by combining them with
// brand syllables, so no generated organisation names a real one.

// province is a province and some of its prefecture-level cities.
type province struct {
	name   string // 江西 (without 省)
	cities []string
}

var provinces = []province{
	{"江西", []string{"南昌", "九江", "赣州", "宜春", "上饶"}},
	{"江苏", []string{"南京", "无锡", "徐州", "南通", "盐城"}},
	{"浙江", []string{"杭州", "宁波", "温州", "嘉兴", "湖州"}},
	{"安徽", []string{"合肥", "芜湖", "蚌埠", "滁州", "马鞍山"}},
	{"福建", []string{"福州", "厦门", "泉州", "漳州", "莆田"}},
	{"山东", []string{"济南", "青岛", "潍坊", "烟台", "淄博"}},
	{"河南", []string{"郑州", "洛阳", "新乡", "许昌", "南阳"}},
	{"湖北", []string{"武汉", "襄阳", "宜昌", "荆门", "孝感"}},
	{"湖南", []string{"长沙", "株洲", "湘潭", "衡阳", "岳阳"}},
	{"广东", []string{"广州", "佛山", "东莞", "惠州", "江门"}},
	{"四川", []string{"成都", "绵阳", "德阳", "宜宾", "泸州"}},
	{"陕西", []string{"西安", "宝鸡", "咸阳", "渭南", "汉中"}},
	{"河北", []string{"石家庄", "保定", "唐山", "邯郸", "沧州"}},
	{"山西", []string{"太原", "长治", "晋城", "大同", "运城"}},
	{"辽宁", []string{"沈阳", "大连", "鞍山", "锦州", "营口"}},
	{"吉林", []string{"长春", "吉林", "四平", "通化", "延吉"}},
	{"黑龙江", []string{"哈尔滨", "齐齐哈尔", "大庆", "牡丹江", "佳木斯"}},
	{"贵州", []string{"贵阳", "遵义", "安顺", "六盘水", "铜仁"}},
	{"云南", []string{"昆明", "曲靖", "玉溪", "红河", "楚雄"}},
	{"甘肃", []string{"兰州", "天水", "白银", "酒泉", "张掖"}},
}

// parkKinds are the park-type words a park's name ends in.
var parkKinds = []string{"高新区", "经开区", "工业园区", "高新区", "经开区"}

// areaNames name the sub-parks of a park (X园区, part of the park).
var areaNames = []string{"东区", "西区", "南区", "北区", "滨江", "临港", "科创", "光谷", "智造", "数字"}

// brandSyllables make the distinctive part of organisation names.
var brandSyllables = []rune("华瑞宏远腾达恒信鑫联盛泰丰博凯昊诚源晶德润康明正航捷睿嘉隆峰辉卓弘星岳澜祥耀普宇昌锐禾越迈欣")

// industries are what enterprises do; each has a product for project names.
type industry struct {
	word    string // in a company name: 新材料
	product string // in a project name: 高性能复合材料
	unit    string // 万吨, 万台, 万套, GWh
}

var industries = []industry{
	{"新材料", "高性能复合材料", "万吨"},
	{"锂电", "动力电池", "GWh"},
	{"光电", "光学镜头", "万套"},
	{"半导体", "功率芯片", "万片"},
	{"生物医药", "生物制剂", "万支"},
	{"智能装备", "工业机器人", "万台"},
	{"新能源", "光伏组件", "GW"},
	{"汽车零部件", "新能源汽车零部件", "万套"},
	{"电子信息", "柔性电路板", "万平方米"},
	{"精密制造", "精密轴承", "万套"},
	{"环保", "环保装备", "万台"},
	{"化工", "电子化学品", "万吨"},
}

// legalForms end enterprise names.
var legalForms = []string{"科技有限公司", "股份有限公司", "科技股份有限公司", "有限公司", "技术有限公司"}

// exchanges are where enterprises list.
var exchanges = []string{"上海证券交易所", "深圳证券交易所", "北京证券交易所"}

// honourTitles are enterprise honours from the national and provincial
// catalogues, with the kind of body that confers them.
type honourTitle struct {
	name       string
	provincial bool   // conferred by a province's department
	issuer     string // 科技厅 or 工业和信息化厅 (provincial) or a ministry
}

var honourTitles = []honourTitle{
	{"专精特新“小巨人”企业", false, "工业和信息化部"},
	{"制造业单项冠军企业", false, "工业和信息化部"},
	{"瞪羚企业", true, "科技厅"},
	{"潜在瞪羚企业", true, "科技厅"},
	{"科技领军企业", true, "科技厅"},
	{"专精特新中小企业", true, "工业和信息化厅"},
	{"创新型中小企业", true, "工业和信息化厅"},
	{"独角兽企业", true, "科技厅"},
	{"技术创新示范企业", false, "工业和信息化部"},
	{"知识产权示范企业", false, "国家知识产权局"},
}

// parkHonours are honours conferred on parks.
var parkHonours = []honourTitle{
	{"国家绿色工业园区", false, "工业和信息化部"},
	{"国家新型工业化产业示范基地", false, "工业和信息化部"},
	{"国家知识产权试点园区", false, "国家知识产权局"},
}

// fillers are sentences of park news that name nothing: the body text
// between the facts.
var fillers = []string{
	"园区坚持创新驱动发展战略，持续优化营商环境，推动产业链上下游协同发展。",
	"近年来，园区聚焦主导产业，围绕“强链、补链、延链”精准招商，产业集聚效应日益显现。",
	"下一步，园区将继续加大企业培育力度，完善梯度培育体系，推动更多企业做大做强。",
	"园区相关负责人表示，将进一步强化要素保障，为企业发展提供全生命周期服务。",
	"今年以来，园区规模以上工业增加值同比增长12.6%，高于全市平均水平。",
	"园区还组织开展政策宣讲、融资对接、人才招聘等活动，切实帮助企业解决实际困难。",
	"这些企业研发投入强度高、成长性好，在细分领域具有较强的竞争力。",
	"据介绍，入选企业均为各自细分领域的佼佼者，拥有多项核心技术和自主知识产权。",
	"园区将以此为契机，持续深化科技创新和产业创新融合发展。",
	"目前，园区已形成以先进制造业为主体、现代服务业为支撑的产业体系。",
	"该项目建成投产后，预计可实现年产值30亿元，新增就业岗位800余个。",
	"活动现场，与会嘉宾围绕产业发展趋势、技术创新路径等话题进行了深入交流。",
	"截至目前，园区拥有各类市场主体1.2万余户，其中规模以上工业企业326家。",
	"园区持续推进“亩均论英雄”改革，盘活低效用地，为优质项目腾出发展空间。",
	"在人才引进方面，园区出台专项政策，对高层次人才给予安家补贴和子女入学保障。",
	"企业负责人介绍，公司每年将销售收入的8%以上投入研发，已获授权发明专利40余项。",
	"园区还建成了中试车间，为中小企业提供共享仪器设备和技术服务。",
	"面对复杂多变的外部环境，园区企业稳订单、拓市场，一季度出口额同比增长18.3%。",
	"为加快项目建设进度，园区实行“一个项目、一名领导、一支队伍”的服务机制。",
	"据统计，园区高新技术企业数量三年翻了一番，研发投入强度达到4.2%。",
	"走进企业生产车间，一条条自动化生产线高速运转，工人们正在紧张有序地忙碌着。",
}
