"""Meetings family: MET_WITH, VISITED, MEDIATED, with negated and hedged twins."""

from __future__ import annotations

from training.lexicon.clause import C, numbered

MET = numbered("meeting", [
    C("{v:التقى|التقت:A} {A} ب{B} في {P} {date}، {alt:وبحث الجانبان|وناقش الطرفان|وتناول اللقاء} {topic}", "A=per B=party P=place", "A-B:MET_WITH"),
    C("{v:استقبل|استقبلت:A} {A}، {date}، {B} {alt:والوفد المرافق له|بمقر الحكومة|في ديوان الرئاسة|بمكتبه}", "A=per B=per", "A-B:MET_WITH"),
    C("{v:بحث|بحثت:A} {A} مع {B} {topic}", "A=party B=party", "A-B:MET_WITH"),
    C("{v:أجرى|أجرت:A} {A} {alt:مباحثات|محادثات|مشاورات} مع {B} تناولت {topic}", "A=party B=party", "A-B:MET_WITH"),
    C("{v:تلقى|تلقت:A} {A} اتصالا هاتفيا من {B}، {alt:جرى خلاله بحث|تناول|تم خلاله استعراض} {topic}", "A=per B=per", "A-B:MET_WITH", tags="call"),
    C("{v:اجتمع|اجتمعت:A} {A} {date} مع {B} و{C} {alt:في|بمدينة} {P}", "A=per B=pern C=pern P=place", "A-B:MET_WITH A-C:MET_WITH B-C:MET_WITH", tags="list"),
    C("{alt:جمع|ضم} لقاء {date} كلا من {A} و{B} و{C}", "A=pern B=pern C=party", "A-B:MET_WITH A-C:MET_WITH B-C:MET_WITH", form="vf", tags="list"),
    C("{alt:عُقد|جرى} {date} لقاء بين {A} و{B} {alt:في|بمقر إقامة الضيف في} {P}", "A=party B=party P=place", "A-B:MET_WITH", form="pass"),
    C("خلال {v:لقائه|لقائها:A} مع {B} في {P}، {v:أكد|أكدت:A} {A} {quote}", "A=per B=party P=place", "A-B:MET_WITH", form="masdar"),
    C("{v:عقد|عقدت:A} {A} {alt:جلسة مباحثات|اجتماعا موسعا|لقاء ثنائيا} مع {B} {alt:على هامش|خلال} {event}", "A=party B=party", "A-B:MET_WITH", tags="sidelines"),
    C("على هامش {event} في {P}، {v:التقى|التقت:A} {A} {B}", "A=per B=per P=place", "A-B:MET_WITH", form="masdar", tags="sidelines"),
    C("{v:استقبل|استقبلت:B} {B} في مكتبه {A}، {alt:حيث جرى بحث|وتم التطرق إلى} {topic}", "A=per B=per", "A-B:MET_WITH"),
    C("{A} {v:الذي|التي:A} {alt:التقى|اجتمع مع} {B} {date}، {v:أكد|أكدت:A} {quote}", "A=per B=party", "A-B:MET_WITH", form="sf", tags="relative"),
    C("{A} و{B} {alt:يبحثان|يناقشان} {topic} في {P}", "A=party B=party P=place", "A-B:MET_WITH", form="head"),
    C("{v:وصل|وصلت:B} {B} إلى {P} حيث {v:كان|كانت:A} في {v:استقباله|استقبالها:B} {A}", "A=per B=per P=place", "A-B:MET_WITH B>P:VISITED"),
    C("{v:ترأس|ترأست:A} {A} اجتماعا {alt:ضم|حضره} {B} و{C}", "A=per B=pern C=pern", "A-B:MET_WITH A-C:MET_WITH B-C:MET_WITH", tags="list"),
    C("{v:شارك|شاركت:A} {A} في اجتماع {alt:عقده|دعا إليه|ترأسه} {B} {date}", "A=per B=per", "A-B:MET_WITH"),
    C("{v:أجرى|أجرت:A} {A} اتصالا هاتفيا مع {B}، {alt:بحثا خلاله|تناولا فيه} {topic}", "A=party B=party", "A-B:MET_WITH", tags="call"),
    C("{A} {v:يستقبل|تستقبل:A} {B} {alt:لبحث|لمناقشة} {topic}", "A=per B=party", "A-B:MET_WITH", form="head"),
    C("{A} {v:التقى|التقت:A} {date} {B}، {v:وأكد|وأكدت:A} {quote}", "A=per B=per", "A-B:MET_WITH", form="sf"),
    C("في لقاء {alt:جمعهما|عقد بينهما} في {P}، {v:ناقش|ناقشت:A} {A} و{B} {topic}", "A=per B=party P=place", "A-B:MET_WITH", form="masdar"),
    C("{v:تبادل|تبادلت:A} {A} و{B} وجهات النظر {alt:خلال اتصال هاتفي|في لقاء مغلق|في اجتماع عبر الفيديو} {alt:حول|بشأن} {topic}", "A=party B=party", "A-B:MET_WITH"),
    C("{B} في ضيافة {A}", "A=per B=per", "A-B:MET_WITH", form="head"),
    C("بحضور {C}، {v:التقى|التقت:A} {A} ب{B}", "A=per B=per C=pern", "A-B:MET_WITH A-C:MET_WITH B-C:MET_WITH", form="masdar", tags="list"),
    C("{v:اجتمع|اجتمعت:A} {A} {alt:بوفد من|بممثلين عن} {B} {alt:في مقر|في} {P}", "A=per B=coll P=place", "A-B:MET_WITH"),
    C("{v:ناقش|ناقشت:A} {A} في لقاء {alt:مع|جمعه مع} {B} و{C} و{D} {topic}", "A=per B=pern C=pern D=pern", "A-B:MET_WITH A-C:MET_WITH A-D:MET_WITH B-C:MET_WITH B-D:MET_WITH C-D:MET_WITH", tags="list"),
    C("{v:كان|كانت:A} {A} قد {v:التقى|التقت:A} {B} {date} في {P}", "A=per B=per P=place", "A-B:MET_WITH"),
    C("{v:عقد|عقدت:A} {A} اجتماعا موسعا مع {alt:قيادات|أعيان|ممثلي|مشايخ وأعيان} {P} {alt:لبحث|لمناقشة} {topic}", "A=per P=place", "A-P:MET_WITH", tags="place_collective"),
    C("{v:استقبل|استقبلت:A} {A} وفدا من {alt:أعيان|حكماء|قيادات} {P}", "A=per P=place", "A-P:MET_WITH", tags="place_collective"),
    C("{alt:جمع|ضم} اجتماع {alt:أمني|عسكري} ضباطا من {A} و{B} {alt:في|بمدينة} {P}", "A=place B=place P=place", "A-B:MET_WITH", form="vf", tags="place_collective"),
    C("لقاء {A} و{B} {alt:يفتح الباب أمام|يمهد لـ} {alt:تسوية|مرحلة جديدة}", "A=party B=party", "A-B:MET_WITH", form="head"),
])

MET_NEG = numbered("meeting-neg", [
    C("{v:نفى|نفت:A} {A} عقد أي لقاء مع {B}", "A=party B=party", tags="negation"),
    C("{v:لم يلتق|لم تلتق:A} {A} ب{B} خلال {v:زيارته|زيارتها:A} إلى {P}", "A=per B=per P=dest", "A>P:VISITED", tags="negation"),
    C("ليس هناك أي {alt:لقاء|اجتماع|تواصل مباشر} بين {A} و{B}", "A=party B=party", form="nom", tags="negation"),
    C("{v:نفى|نفت:C} {C} صحة الأنباء عن اجتماع مزعوم بين {A} و{B}", "A=party B=party C=coll", tags="negation hedge_word"),
    C("لم يتم تأكيد أي لقاء بين {A} و{B} حتى الآن", "A=party B=party", form="pass", tags="negation"),
    C("{v:اعتذر|اعتذرت:A} {A} عن عدم لقاء {B}", "A=per B=per", tags="negation"),
    C("{v:ألغى|ألغت:A} {A} {alt:لقاءه|اجتماعه} {alt:المقرر|الذي كان مرتقبا} مع {B}", "A=per B=party", tags="negation"),
    C("{A} لم {v:يجتمع|تجتمع:A} ب{B} {alt:منذ أشهر|منذ بداية الأزمة|قط}", "A=per B=per", form="sf", tags="negation"),
    C("{v:نفى|نفت:A} {A} أن {v:يكون|تكون:A} قد {v:التقى|التقت:A} {B} {alt:سرا|في|خلال وجوده في} {P}", "A=per B=per P=place", tags="negation"),
    C("لا لقاء بين {A} و{B} {alt:في الأفق|قريبا}", "A=party B=party", form="head", tags="negation"),
    C("{v:رفض|رفضت:A} {A} {alt:طلبا|دعوة} {alt:للقاء|للاجتماع مع} {B}", "A=per B=per", tags="negation"),
    C("لم {v:يحضر|تحضر:A} {A} الاجتماع {v:الذي|الذي:A} {v:دعا|دعت:B} إليه {B}", "A=per B=per", tags="negation"),
])

MET_HEDGED = numbered("meeting-hedged", [
    C("{alt:بحسب تقارير|وفق أنباء غير مؤكدة|حسب مصادر لم يتسن التحقق منها}، {v:التقى|التقت:A} {A} سرا ب{B} في {P}", "A=per B=per P=place", "A-B:MET_WITH", hedged=True, tags="hedge_word"),
    C("{alt:تحدثت|أشارت} {alt:مصادر|تقارير} {alt:عن|إلى} لقاء مزعوم جمع {A} و{B}", "A=party B=party", "A-B:MET_WITH", form="vf", hedged=True, tags="hedge_word reported"),
    C("يُعتقد أن {A} {v:التقى|التقت:A} {B} {alt:بعيدا عن الأضواء|في سرية تامة}", "A=per B=per", "A-B:MET_WITH", form="vf", hedged=True, tags="hedge_word"),
    C("أنباء عن لقاء {A} ب{B} في {P}", "A=per B=per P=place", "A-B:MET_WITH", form="head", hedged=True, tags="hedge_word"),
    C("{alt:يتردد|تردد} أن {A} {v:عقد|عقدت:A} اجتماعا غير معلن مع {B}", "A=per B=party", "A-B:MET_WITH", form="vf", hedged=True, tags="hedge_word"),
    C("{alt:رجحت|قدرت} مصادر أن {v:يكون|تكون:A} {A} قد {v:التقى|التقت:A} {B} {date}", "A=per B=per", "A-B:MET_WITH", form="vf", hedged=True, tags="hedge_word reported"),
])

VISIT = numbered("visit", [
    C("{v:زار|زارت:A} {A} {P} {date} {purpose}", "A=actor P=dest", "A>P:VISITED"),
    C("{v:وصل|وصلت:A} {A} إلى {P} {purpose}", "A=actor P=dest", "A>P:VISITED"),
    C("{v:حل|حلت:A} {A} ضيفا على {P} {date}", "A=per P=dest", "A>P:VISITED"),
    C("{v:بدأ|بدأت:A} {A} جولة {alt:إقليمية|خليجية|أوروبية|أفريقية} {alt:تشمل|قادته إلى} {P} و{Q}", "A=per P=dest Q=dest", "A>P:VISITED A>Q:VISITED", tags="list"),
    C("في زيارة هي الأولى من نوعها، {v:وصل|وصلت:A} {A} إلى {P}", "A=per P=dest", "A>P:VISITED", form="masdar"),
    C("خلال {v:زيارته|زيارتها:A} إلى {P}، {v:التقى|التقت:A} {A} ب{B}", "A=per P=dest B=per", "A>P:VISITED A-B:MET_WITH", form="masdar"),
    C("{P} {v:تستقبل|يستقبل:P} {A} في زيارة {alt:رسمية|مفاجئة|تاريخية}", "P=dest A=per", "A>P:VISITED", form="head"),
    C("{v:اختتم|اختتمت:A} {A} زيارة {alt:رسمية|عمل|خاطفة} إلى {P} استغرقت {alt:يومين|ثلاثة أيام|عدة أيام}", "A=actor P=dest", "A>P:VISITED"),
    C("{v:زار|زارت:A} {A} مقر {O} في {P}", "A=per O=org P=place", "A>O:VISITED"),
    C("{A} في {P}", "A=per P=dest", "A>P:VISITED", form="head"),
    C("{v:وصل|وصلت:A} وفد {alt:رفيع|عسكري|حكومي} برئاسة {A} إلى {P}", "A=per P=dest", "A>P:VISITED"),
    C("بدعوة من {B}، {v:زار|زارت:A} {A} {P} {v:وبحث|وبحثت:A} {v:معه|معها:B} {topic}", "B=per A=per P=dest", "A>P:VISITED A-B:MET_WITH", form="masdar"),
    C("{A} {v:الذي|التي:A} {v:يزور|تزور:A} {P} حاليا، {v:أكد|أكدت:A} {quote}", "A=per P=dest", "A>P:VISITED", form="sf", tags="relative"),
    C("{v:قام|قامت:A} {A} بزيارة {alt:تفقدية|ميدانية|رسمية} إلى {P}", "A=actor P=dest", "A>P:VISITED"),
    C("تأتي زيارة {A} إلى {P} {alt:في إطار|ضمن} {alt:جولة تشمل عدة عواصم|مساعي التهدئة}", "A=per P=dest", "A>P:VISITED", form="vf"),
    C("{v:حطت|حطت:A} طائرة {A} في {alt:مطار|قاعدة} {P}", "A=per P=place", "A>P:VISITED"),
    C("{v:زار|زارت:A} {A} {P} برفقة {alt:وفد يضم|مستشاره} {B}", "A=per P=dest B=pern", "A>P:VISITED B>P:VISITED"),
    C("{A} {v:يصل|تصل:A} إلى {P} {alt:في زيارة رسمية|لبحث} {topic}", "A=per P=dest", "A>P:VISITED", form="head"),
    C("{v:شهدت|شهد:P} {P} زيارة {alt:رسمية|مفاجئة|قصيرة} {l:A} {date}", "P=dest A=per", "A>P:VISITED"),
    C("{P} {alt:أولى محطات|آخر محطات|محطة ضمن} جولة {A} {alt:الإقليمية|الخارجية}", "P=dest A=per", "A>P:VISITED", form="head"),
    C("خلال جولة تفقدية في {P}، {v:اطلع|اطلعت:A} {A} على {alt:سير العمل في الميناء|أوضاع النازحين|الاستعدادات الأمنية}", "P=place A=per", "A>P:VISITED", form="masdar"),
    C("{v:كانت|كان:P} {P} المحطة الأولى في جولة {A} {alt:الأوروبية|الأفريقية|الخليجية}", "P=dest A=per", "A>P:VISITED", form="vf"),
    C("إلى {P}، {v:توجه|توجهت:A} {A} {alt:على رأس وفد|في زيارة رسمية}", "P=dest A=per", "A>P:VISITED", form="masdar"),
])

VISIT_NEG = numbered("visit-neg", [
    C("{v:نفى|نفت:A} {A} أي زيارة {alt:له|لها} إلى {P}", "A=per P=dest", tags="negation"),
    C("{v:لم يزر|لم تزر:A} {A} {P} منذ {num} {alt:سنوات|عاما|شهرا}", "A=per P=dest", tags="negation"),
    C("{v:ألغى|ألغت:A} {A} زيارة كانت مقررة إلى {P}", "A=actor P=dest", tags="negation"),
    C("{v:أرجأ|أرجأت:A} {A} {v:زيارته|زيارتها:A} إلى {P} {alt:إلى أجل غير مسمى|لأسباب أمنية}", "A=per P=dest", tags="negation"),
    C("لم {v:يصل|تصل:A} {A} إلى {P} كما كان مقررا", "A=per P=dest", tags="negation"),
    C("{v:نفى|نفت:B} {B} أن {v:يكون|تكون:A} {A} قد زار {P}", "A=per P=dest B=coll", tags="negation reported"),
    C("لا زيارة ل{l:A} إلى {P} {alt:قريبا|هذا الشهر}", "A=per P=dest", form="head", tags="negation"),
    C("{v:منعت|منعت:B} {B} طائرة {A} من الهبوط في {P}", "A=per B=coll P=place", "B>A:OPPOSES", tags="negation"),
])

MEDIATED = numbered("mediation", [
    C("برعاية {M}، {v:وقع|وقعت:A} {A} و{B} {alt:اتفاقا|مذكرة تفاهم|وثيقة مصالحة} {alt:لإنهاء القتال|بشأن} {topic}", "M=coll A=party B=party", "M>A:MEDIATED M>B:MEDIATED A-B:COOPERATES_WITH", form="masdar"),
    C("{v:استضاف|استضافت:M} {M} {alt:محادثات|جولة مفاوضات|اجتماعا} بين {A} و{B}", "M=coll A=party B=party", "M>A:MEDIATED M>B:MEDIATED A-B:MET_WITH"),
    C("بوساطة {M}، {v:اتفق|اتفقت:A} {A} و{B} على {alt:وقف إطلاق النار|تبادل المحتجزين|إعادة فتح الطريق الساحلي|تشكيل لجنة مشتركة}", "M=actor A=party B=party", "M>A:MEDIATED M>B:MEDIATED A-B:COOPERATES_WITH", form="masdar"),
    C("{alt:جرت|عُقدت} المحادثات بين {A} و{B} {alt:برعاية|بوساطة|بتيسير من} {M}", "A=party B=party M=coll", "M>A:MEDIATED M>B:MEDIATED A-B:MET_WITH", form="pass"),
    C("نجحت وساطة {M} في جمع {A} و{B} {alt:على طاولة واحدة|في لقاء مباشر}", "M=actor A=per B=per", "M>A:MEDIATED M>B:MEDIATED A-B:MET_WITH"),
    C("{v:رعى|رعت:M} {M} {alt:اتفاقا|مصالحة|تفاهمات} بين {A} و{B}", "M=actor A=party B=party", "M>A:MEDIATED M>B:MEDIATED A-B:COOPERATES_WITH"),
    C("{A} و{B} {alt:يتفاوضان|يلتقيان} برعاية {M}", "A=party B=party M=coll", "M>A:MEDIATED M>B:MEDIATED A-B:MET_WITH", form="head"),
    C("{v:احتضن|احتضنت:P} {P} {date} اجتماعا بين {A} و{B}", "P=host A=party B=party", "P>A:MEDIATED P>B:MEDIATED A-B:MET_WITH", tags="host"),
    C("{M} {v:تستضيف|تستضيف:M} لقاء بين {A} و{B} {alt:برعاية أممية|الأسبوع المقبل|لبحث} {opt:الأزمة}", "M=cap A=per B=per", "M>A:MEDIATED M>B:MEDIATED A-B:MET_WITH", form="head", tags="capital"),
    C("{alt:تحت رعاية|برعاية} {M}، {alt:اجتمع|التقى} {alt:ممثلون عن|وفدان من} {A} و{B} في {P}", "M=actor A=coll B=coll P=place", "M>A:MEDIATED M>B:MEDIATED A-B:MET_WITH", form="masdar"),
    C("{v:توسط|توسطت:M} {M} بين {A} و{B} {alt:لإنهاء الخلاف حول|للتوصل إلى تفاهم بشأن} {topic}", "M=actor A=party B=party", "M>A:MEDIATED M>B:MEDIATED"),
    C("{v:أعلن|أعلنت:M} {M} {v:نجاحه|نجاحها:M} في التوسط بين {A} و{B}", "M=actor A=party B=party", "M>A:MEDIATED M>B:MEDIATED"),
    C("{v:دعا|دعت:M} {M} {A} و{B} إلى {alt:طاولة الحوار|جولة محادثات} في {P} {v:وجمعهما|وجمعتهما:M} في لقاء {alt:مغلق|مطول}", "M=actor A=per B=per P=place", "M>A:MEDIATED M>B:MEDIATED A-B:MET_WITH"),
    C("بتسهيل من {M}، {v:عقد|عقدت:A} {A} {alt:لقاء|جلسة حوار} مع {B}", "M=coll A=party B=party", "M>A:MEDIATED M>B:MEDIATED A-B:MET_WITH", form="masdar"),
    C("{M} {v:يرعى|ترعى:M} حوارا بين {A} و{B}", "M=actor A=party B=party", "M>A:MEDIATED M>B:MEDIATED A-B:MET_WITH", form="head"),
    C("{v:جمع|جمعت:M} {M} {A} و{B} في {P} {alt:لتقريب وجهات النظر|لبحث} {opt:حول }{topic}", "M=actor A=per B=per P=place", "M>A:MEDIATED M>B:MEDIATED A-B:MET_WITH"),
    C("{v:التقى|التقت:A} {A} و{B} في {P} {alt:برعاية|بوساطة|بدعوة من} {M}", "A=per B=per P=place M=actor", "M>A:MEDIATED M>B:MEDIATED A-B:MET_WITH"),
    C("{A} و{B} {alt:يوقعان هدنة|يتفقان على تبادل الأسرى} بوساطة {M}", "A=party B=party M=actor", "M>A:MEDIATED M>B:MEDIATED A-B:COOPERATES_WITH", form="head"),
    C("اتفاق {A} و{B}، الذي {alt:رعته|تم بوساطة|جاء بوساطة} {M}، {alt:دخل حيز التنفيذ|يواجه عقبات}", "A=party B=party M=actor", "M>A:MEDIATED M>B:MEDIATED A-B:COOPERATES_WITH", form="nom", tags="relative"),
    C("{v:جلس|جلست:A} {A} و{B} إلى طاولة واحدة {alt:بفضل|بعد} وساطة {M}", "A=per B=per M=actor", "M>A:MEDIATED M>B:MEDIATED A-B:MET_WITH"),
])

MEDIATED_NEG = numbered("mediation-neg", [
    C("{v:نفى|نفت:M} {M} {alt:قيامه|أي دور له} {alt:بوساطة|في الوساطة} بين {A} و{B}", "M=actor A=party B=party", tags="negation"),
    C("{v:عرض|عرضت:M} {M} التوسط بين {A} و{B}", "M=actor A=party B=party", tags="offer"),
    C("{v:رفض|رفضت:A} {A} وساطة {M} {alt:مع|في الخلاف مع} {B}", "A=party M=actor B=party", "A>M:OPPOSES", tags="negation"),
    C("لم {v:تنجح|تنجح:M} مساعي {M} في جمع {A} و{B}", "M=actor A=per B=per", tags="negation"),
    C("{v:أبدى|أبدت:M} {M} استعداده لاستضافة محادثات بين {A} و{B}", "M=coll A=party B=party", tags="offer"),
])
