"""Structure family: APPOINTED, AFFILIATED_WITH, RELATIVE_OF, with negated twins.

Decisions: dismissal (أقال), resignation and acceptance of a resignation are
NONE; rejecting someone's appointment is OPPOSES from the rejecter.
"""

from __future__ import annotations

from training.lexicon.clause import C, numbered

_POST = "{alt:رئيس|قائد|مدير|نائب رئيس|آمر|مستشار}"

APPOINT = numbered("appoint", [
    C("{v:عين|عينت:A} {A} {B} في منصب " + _POST + " {O}", "A=actor B=pern O=org", "A>B:APPOINTED B>O:AFFILIATED_WITH"),
    C("{v:أصدر|أصدرت:A} {A} قرارا بتعيين {B} {alt:في منصب|بمنصب} " + _POST + " {O}", "A=actor B=pern O=org", "A>B:APPOINTED B>O:AFFILIATED_WITH"),
    C("{v:كلف|كلفت:A} {A} {B} ب{alt:تسيير مهام|إدارة|الإشراف على|قيادة} {O}", "A=actor B=pern O=org", "A>B:APPOINTED B>O:AFFILIATED_WITH"),
    C("{v:رقى|رقت:A} {A} {B} إلى رتبة {alt:فريق|لواء|عميد|فريق أول}", "A=actor B=pern", "A>B:APPOINTED"),
    C("{v:سمى|سمت:A} {A} {B} {alt:مبعوثا خاصا|ممثلا شخصيا|متحدثا رسميا} {opt:باسمه}", "A=actor B=pern", "A>B:APPOINTED"),
    C("صدر قرار من {A} بتعيين {B} {alt:سفيرا|قنصلا عاما|ملحقا عسكريا} لدى {S}", "A=actor B=pern S=state", "A>B:APPOINTED", form="pass"),
    C("بقرار من {A}، {v:تولى|تولت:B} {B} {alt:رئاسة|قيادة|إدارة} {O}", "A=actor B=pern O=org", "A>B:APPOINTED B>O:AFFILIATED_WITH", form="masdar"),
    C("{B}، {v:الذي|التي:B} {v:عينه|عينته:A} {A} {date}، {v:باشر|باشرت:B} مهامه", "B=pern A=actor", "A>B:APPOINTED", form="sf", tags="relative"),
    C("{B} {alt:قائدا جديدا|رئيسا جديدا|مديرا جديدا} في {O} بقرار من {A}", "B=pern O=org A=actor", "A>B:APPOINTED B>O:AFFILIATED_WITH", form="head"),
    C("{A} {v:يعين|تعين:A} {B} {alt:رئيسا للأركان|وزيرا للدفاع|محافظا للمصرف المركزي|مبعوثا إلى} {opt:المنطقة}", "A=actor B=pern", "A>B:APPOINTED", form="head"),
    C("تم تعيين {B} {alt:في منصب|بمنصب} " + _POST + " {O} بموجب قرار {v:أصدره|أصدرته:A} {A}", "B=pern O=org A=actor", "A>B:APPOINTED B>O:AFFILIATED_WITH", form="pass"),
    C("{v:منح|منحت:A} {A} {B} صفة {alt:رئيس الأركان العامة|القائد العام|المستشار الأمني}", "A=actor B=pern", "A>B:APPOINTED"),
    C("{v:أدى|أدت:B} {B} اليمين القانونية أمام {A} بعد {alt:تعيينه|تكليفه} {alt:وزيرا|سفيرا|رئيسا للجهاز}", "B=pern A=per", "A>B:APPOINTED"),
    C("{v:اختار|اختارت:A} {A} {B} {alt:لتولي|لشغل} منصب " + _POST + " {O}", "A=actor B=pern O=org", "A>B:APPOINTED B>O:AFFILIATED_WITH"),
    C("{alt:ترقية|تكليف} {B} بقرار من {A}", "B=pern A=actor", "A>B:APPOINTED", form="head"),
    C("{v:صادق|صادقت:A} {A} على تعيين {B} {alt:نائبا|مساعدا|وكيلا} {l:C}", "A=coll B=pern C=pern", "A>B:APPOINTED"),
    C("{v:تسلم|تسلمت:B} {B} مهامه {alt:رسميا|اليوم} بعد {alt:تعيينه|تكليفه} من قبل {A}", "B=pern A=actor", "A>B:APPOINTED"),
    C("{v:باشر|باشرت:B} {B} مهامه في منصب " + "{alt:رئيس|قائد|مدير|آمر}" + " {O} بتكليف من {A}", "B=pern O=org A=actor", "A>B:APPOINTED B>O:AFFILIATED_WITH"),
    C("{B} {v:يؤدي|تؤدي:B} اليمين {alt:سفيرا|وزيرا|محافظا} بعد {alt:تعيينه|تسميته} من {A}", "B=pern A=actor", "A>B:APPOINTED", form="head"),
])

APPOINT_NEG = numbered("appoint-neg", [
    C("{v:أقال|أقالت:A} {A} {B} من {alt:منصبه|مهامه} {alt:دون توضيح الأسباب|على خلفية اتهامات بالفساد}", "A=actor B=pern", tags="dismissal"),
    C("{v:نفى|نفت:A} {A} {alt:تعيين|تكليف} {B} {alt:في أي منصب|بأي مهام}", "A=actor B=pern", tags="negation"),
    C("{v:ألغى|ألغت:A} {A} قرار تعيين {B}", "A=actor B=pern", tags="negation"),
    C("{v:رفض|رفضت:A} {A} تعيين {B} {alt:في منصب|على رأس} " + _POST + " {O}", "A=actor B=pern O=org", "A>B:OPPOSES", tags="negation"),
    C("{v:قبل|قبلت:A} {A} استقالة {B} {date}", "A=actor B=pern", tags="resignation"),
    C("{v:قدم|قدمت:B} {B} استقالته من {O}", "B=pern O=org", tags="resignation"),
    C("لم {v:يصدر|تصدر:A} {A} أي قرار بتعيين {B}", "A=actor B=pern", tags="negation"),
])

AFFIL = numbered("affil", [
    C("{v:يشغل|تشغل:A} {A} منصب " + _POST + " {O} منذ {alt:عام 2021|سنوات|أشهر}", "A=pern O=org", "A>O:AFFILIATED_WITH"),
    C("{A} {v:عضو|عضوة:A} في {O} {alt:منذ تأسيسه|عن دائرة} {opt:طرابلس}", "A=pern O=org", "A>O:AFFILIATED_WITH", form="nom"),
    C("{v:انضم|انضمت:A} {A} إلى {O} {alt:عام 2014|في وقت سابق|بعد انشقاقه}", "A=pern O=org", "A>O:AFFILIATED_WITH"),
    C("{v:يقود|تقود:A} {A} {O} {alt:منذ|في} {alt:سنوات|عدة أشهر|المنطقة الغربية}", "A=pern O=unit", "A>O:AFFILIATED_WITH"),
    C("{v:تولى|تولت:A} {A} {alt:رئاسة|قيادة|إدارة} {O} {alt:خلفا لسلفه|في ظروف صعبة|منذ العام الماضي}", "A=pern O=org", "A>O:AFFILIATED_WITH"),
    C("{v:ينتمي|تنتمي:A} {A} إلى {O}", "A=pern O=org", "A>O:AFFILIATED_WITH"),
    C("{A} {v:هو|هي:A} {alt:أحد قادة|أبرز أعضاء|مؤسس|أحد مؤسسي} {O}", "A=pern O=org", "A>O:AFFILIATED_WITH", form="nom"),
    C("{v:قال|قالت:A} {A}، {v:المتحدث|المتحدثة:A} باسم {O}، إن {alt:الوضع تحت السيطرة|الاتصالات مستمرة}", "A=pern O=org", "A>O:AFFILIATED_WITH", tags="apposition_clause"),
    C("{v:أعلن|أعلنت:O} {O} أن {v:عضوه|عضوها:O} {A} {alt:سيترأس الوفد|سيمثلها في المحادثات}", "O=org A=pern", "A>O:AFFILIATED_WITH", form="vf"),
    C("{A}، {alt:سفير|مندوب|ممثل} {S} {alt:في|لدى} {O}، {v:دعا|دعت:A} إلى {topic}", "A=pern S=state O=org", "A>S:AFFILIATED_WITH", form="sf"),
    C("{v:يعمل|تعمل:A} {A} {alt:مستشارا|ضابطا|خبيرا} في {O}", "A=pern O=org", "A>O:AFFILIATED_WITH"),
    C("من جهته، {v:قال|قالت:A} {alt:القيادي|عضو المكتب السياسي} في {O} {A} {quote}", "O=org A=pern", "A>O:AFFILIATED_WITH", form="masdar"),
    C("{A}، {v:الذي|التي:A} {v:يرأس|ترأس:A} {O}، {v:أكد|أكدت:A} {quote}", "A=pern O=org", "A>O:AFFILIATED_WITH", form="sf", tags="relative"),
    C("{alt:أفاد|أوضح} {alt:مسؤول|ضابط|مصدر} في {O} {v:يدعى|تدعى:A} {A} بأن {alt:التحقيقات جارية|الأوضاع هادئة}", "O=org A=pern", "A>O:AFFILIATED_WITH", form="vf"),
    C("{A} ({O})", "A=pern O=org", "A>O:AFFILIATED_WITH", form="head", tags="parenthesis"),
    C("{v:يحمل|تحمل:A} {A} جنسية {S}", "A=pern S=state", "A>S:AFFILIATED_WITH"),
])

AFFIL_NEG = numbered("affil-neg", [
    C("{v:نفى|نفت:O} {O} أي صلة {l:A} {alt:بها|به}", "O=org A=pern", tags="negation"),
    C("{v:نفى|نفت:A} {A} {v:انتماءه|انتماءها:A} إلى {O}", "A=pern O=org", tags="negation"),
    C("{A} ليس عضوا في {O}", "A=pern O=org", form="nom", tags="negation"),
    C("{v:أكد|أكدت:O} {O} أن {A} لا {v:يمثله|يمثلها:O} {alt:بأي شكل|ولا يتحدث باسمه}", "O=org A=pern", tags="negation"),
    C("{v:انشق|انشقت:A} {A} عن {O} {alt:وأعلن|معلنا} {alt:تأسيس|الانضمام إلى} {alt:فصيل جديد|تيار معارض}", "A=pern O=org", tags="negation"),
])

KIN = numbered("kin", [
    C("{A}، {alt:نجل|شقيق|ابن عم|صهر|ابن شقيق|ابن خال} {B}، {v:أكد|أكدت:A} {quote}", "A=pern B=pern", "A-B:RELATIVE_OF", form="sf"),
    C("{A} و{B} {alt:شقيقان|ابنا عم|أبناء عمومة}", "A=pern B=pern", "A-B:RELATIVE_OF", form="nom"),
    C("{v:زار|زارت:A} {A} {P} برفقة {v:نجله|نجلها:A} {B}", "A=pern P=dest B=pern", "A>P:VISITED B>P:VISITED A-B:RELATIVE_OF!"),
    C("{A}، {v:زوج|زوجة:A} {B}، {v:ظهر|ظهرت:A} {alt:في مناسبة عامة|للمرة الأولى}", "A=pern B=pern", "A-B:RELATIVE_OF", form="sf"),
    C("{v:تربط|تربط:A} {A} صلة قرابة ب{B}", "A=pern B=pern", "A-B:RELATIVE_OF"),
    C("{A} هو {alt:نجل|شقيق|ابن عم|صهر|ابن شقيق} {B}", "A=pern B=pern", "A-B:RELATIVE_OF", form="nom"),
    C("{alt:نجل|شقيق|ابن عم} {B}، {A}، {alt:يظهر|يبرز} {alt:في المشهد|كلاعب جديد}", "B=pern A=pern", "A-B:RELATIVE_OF", form="head"),
    C("{v:تحدث|تحدثت:A} {A} عن {alt:والده|شقيقه|عمه} {B} {alt:في مقابلة|في لقاء تلفزيوني}", "A=pern B=pern", "A-B:RELATIVE_OF"),
    C("{A} {v:الذي|التي:A} {v:يعد|تعد:A} {alt:صهر|ابن عم|شقيق} {B}، {v:عاد|عادت:A} إلى {P}", "A=pern B=pern P=place", "A-B:RELATIVE_OF", form="sf", tags="relative"),
    C("{v:ينحدر|تنحدر:A} {A} وابن عمه {B} من {P}", "A=pern B=pern P=place", "A-B:RELATIVE_OF"),
    C("{v:شارك|شاركت:A} {A} في {event} {alt:إلى جانب|بصحبة} {alt:شقيقه|ابنه|والده} {B}", "A=pern B=pern", "A-B:RELATIVE_OF"),
    C("{alt:عائلة|أسرة} {B}: {A} {alt:الابن الأكبر|الشقيق الأصغر} {alt:في الواجهة|يتقدم}", "B=pern A=pern", "A-B:RELATIVE_OF", form="head"),
])

KIN_NEG = numbered("kin-neg", [
    C("{v:نفى|نفت:A} {A} وجود أي صلة قرابة تجمعه ب{B}", "A=pern B=pern", tags="negation"),
    C("{A} ليس {alt:شقيق|ابن|قريب} {B} كما {alt:تردد|أشيع}", "A=pern B=pern", form="nom", tags="negation"),
    C("{A}، {v:الذي|التي:A} {v:يحمل|تحمل:A} لقب {B} {alt:نفسه|ذاته}، لا {v:تربطه|تربطها:A} {alt:به|بها} أي قرابة", "A=pern B=pern", form="sf", tags="negation"),
])
