import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { extractArticle } from '../pipeline.ts';

const extract = (text: string, published = '2024-03-10') => extractArticle({ id: 't', text, published });

describe('casualties', () => {
  const cases: [string, number | null, number | null][] = [
    ['استهدف قصف صاروخي قاعدة عسكرية في ريف دير الزور. ولم ترد أنباء عن سقوط قتلى أو جرحى.', 0, 0],
    ['انفجرت عبوة ناسفة بدورية للجيش في ريف درعا دون وقوع إصابات.', 0, 0],
    ['قُتل ثلاثة مدنيين وأصيب خمسة آخرون جراء غارة جوية على بلدة في ريف إدلب.', 3, 5],
    ['أصيب أربعة أشخاص بجروح جراء قصف مدفعي على حي في مدينة تعز.', 0, 4],
    ['شنت طائرات حربية غارة على بلدة في ريف إدلب.', null, null],
    ['قصفت القوات التركية قرية في ريف الحسكة ما أسفر عن مقتل مدني.', 1, null],
    ['شنت طائرة مسيرة غارة على سيارة في ريف درعا ما أدى إلى سقوط قتيلين.', 2, null],
    ['A roadside bomb struck an army patrol near Tarmiyah, killing at least five soldiers.', 5, null],
    // "were left dead"; a toll raised later in the report.
    ['Six truffle hunters were left dead late on Monday when gunmen opened fire on their group near Palmyra.', 6, null],
    ['Gunmen opened fire on truffle hunters near Palmyra on Monday, killing four. Two more died on Tuesday, raising the toll to six.', 6, null],
    // Groups listed before a passive add up too.
    ['Heavy fighting broke out near Harib on Friday; six Houthi fighters and two soldiers were killed, the army said.', 8, null],
    // Groups listed after the counted one add to it.
    ['A suicide bomber blew himself up at a checkpoint in Jowhar on Wednesday, killing four soldiers and two civilians, officials said.', 6, null],
    ['قتل أربعة جنود وثلاثة مدنيين اليوم بانفجار عبوة ناسفة في مدينة بعقوبة.', 7, null],
    ['Rockets hit the base overnight. No casualties were reported.', 0, 0],
    // No one hurt means no one killed; injuries a verb "suffers" take their count from before it.
    ['Two rockets fired from Gaza were intercepted over Ashkelon on Monday, the military said. No injuries were reported.', 0, 0],
    ['Three rockets struck the Victory base near Baghdad airport on Tuesday. Two U.S. contractors suffered minor injuries, an official said.', 0, 2],
    // Nobody hurt, nobody killed; the toll sentence right after the event is the event's.
    ['A missile launched toward Eilat was shot down north of the city late on Monday, the military said. No one was hurt.', 0, 0],
    // A number past another casualty word is that word's: one killed, six injured.
    ['أفاد مصدر أمني بمقتل مدني وإصابة ستة آخرين بانفجار عبوة ناسفة في سوق بمدينة بعقوبة.', 1, 6],
    ['قتل شخصان وأصيب ثلاثة آخرون جراء قصف مدفعي استهدف بلدة طفس.', 2, 3],
    // A toll that rises later in the report is this event's toll; each number goes to the cue beside it.
    ['قُتل مدنيان صباح اليوم جراء غارة جوية استهدفت سوقاً في مدينة سرمدا شمالي إدلب. وارتفعت حصيلة ضحايا الغارة لاحقاً إلى خمسة قتلى بعد وفاة ثلاثة من المصابين.', 5, null],
    ['استقبل المستشفى جثث القتلى الثلاثة وخمسة جرحى إثر قصف مدفعي استهدف حي السلام في مدينة نيالا.', 3, 5],
    // An English passive takes its count from before it; the number after begins the next clause.
    ['Two soldiers were killed and nine others were wounded when a roadside bomb struck their patrol near Baiji.', 2, 9],
    ['Four people were reportedly killed in an air strike on a market in Maarat al-Numan.', 4, null],
    // The passive's subject may carry a long modifier before the verb.
    ['Four soldiers of the Security Belt forces, which are loyal to the Southern Transitional Council, were killed on Sunday when a roadside bomb blew up under their vehicle in Mudiyah.', 4, null],
    // A dual noun before «اليوم» counts people, not days.
    ['قُتل شخصان اليوم جراء غارة جوية على أطراف بلدة سراقب.', 2, null],
    // An age is not a toll, also with "of" between («في الخمسين من عمره»), and the subject may stand before it.
    ['A roadside bomb killed a shepherd, aged 34, near Tarmiyah.', 1, null],
    ['وكان راعٍ في الخمسين من عمره قد قُتل بانفجار لغم قرب بلدة أبو الظهور أمس.', 1, null],
    // A death noun with a singular pronoun, or an assassination, is one dead.
    ['اغتال مسلحان مجهولان مساء أمس الناشط المدني حيدر الساعدي بإطلاق النار عليه وسط مدينة العمارة.', 1, null],
    ['أطلق مسلحون النار على رجل أمام محله في سوق الكحلاء مساء أمس، ما أدى إلى مقتله في الحال.', 1, null],
  ];
  for (const [text, fatalities, injuries] of cases) {
    it(text, () => {
      const [event] = extract(text).events;
      assert.ok(event, 'an event');
      assert.equal(event.fatalities, fatalities);
      assert.equal(event.injuries, injuries);
    });
  }
});

describe('a nationality on the weapon or the strike names the attacker', () => {
  for (const text of ['An Israeli drone strike killed two Hezbollah fighters in Bint Jbeil yesterday.', 'قتل عنصران من حزب الله بغارة إسرائيلية على بلدة بنت جبيل أمس.']) {
    it(text, () => {
      const [event] = extract(text, '2024-03-14').events;
      assert.equal(event.actor1, 'Military Forces of Israel');
      assert.equal(event.actor2, 'Hezbollah');
      assert.equal(event.fatalities, 2);
    });
  }
});

describe('affiliation', () => {
  it('"عناصر أمنية تابعة لجماعة الحوثي" after the verb are the Houthis\' security branch acting, the proclitic ل notwithstanding', () => {
    const [event] = extract('إب - اختطفت عناصر أمنية تابعة لجماعة الحوثي، فجر الإثنين، المعلم عبد الرحمن الشرعبي من منزله في مدينة إب.', '2024-06-10').events;
    assert.equal(event.actor1, 'Police Forces of Yemen Houthi');
    assert.equal(event.actor2, 'Civilians (Yemen)');
  });
});

describe('a security branch named by its force', () => {
  it('"the Houthi-run Security and Intelligence Service" is that branch of the Houthis', () => {
    const [event] = extract('Armed men belonging to the Houthi-run Security and Intelligence Service abducted an aid worker from his home in Sanaa on March 3.', '2025-03-04').events;
    assert.equal(event.sub_event_type, 'Abduction/forced disappearance');
    assert.equal(event.actor1, 'Police Forces of Yemen Houthi - Security and Intelligence Service');
  });
  it('an army with no police branch in the catalogue stays the army', () => {
    const [event] = extract('اعتقلت قوة أمنية تابعة للجيش السوري ثلاثة شبان في مدينة درعا أمس.', '2025-03-04').events;
    assert.equal(event.actor1.startsWith('Military Forces of Syria') || event.actor1.startsWith('Police Forces of Syria'), true, event.actor1);
  });
});

describe('two reports joined in one sentence', () => {
  it('"فيما" with a trigger and another governorate on each side makes two events', () => {
    const events = extract('غزة - استشهد خمسة فلسطينيين فجر اليوم في غارة جوية إسرائيلية استهدفت منزلاً في مخيم النصيرات وسط قطاع غزة، فيما أصيب شابان بجروح في هجوم للمستوطنين على بلدة ترمسعيا شمال رام الله.', '2024-07-03').events;
    assert.deepEqual(events.map((e) => e.location).sort(), ['Nuseirat', 'Turmus Ayya']);
    assert.equal(events.find((e) => e.location === 'Nuseirat')?.fatalities, 5);
    assert.equal(events.find((e) => e.location === 'Turmus Ayya')?.actor1, 'Settlers (Israel)');
  });
  it('"فيما" inside one place tells one event', () => {
    const events = extract('إدلب - قُتل ثلاثة مدنيين في غارة جوية على مدينة سرمدا شمال إدلب، فيما أصيب خمسة آخرون في الغارة ذاتها.', '2024-07-03').events;
    assert.equal(events.length, 1);
  });
});

describe('arson attacks', () => {
  it('settlers who burn cars and wound two villagers made an Attack, not only property destruction', () => {
    const [event] = extract('رام الله - هاجم عشرات المستوطنين مساء أمس أطراف بلدة ترمسعيا، وأضرموا النار في ثلاث مركبات، ورشقوا منازل المواطنين بالحجارة، ما أدى إلى إصابة شابين بجروح.', '2024-07-03').events;
    assert.equal(event.event_type, 'Violence against civilians');
    assert.equal(event.sub_event_type, 'Attack');
    assert.equal(event.actor1, 'Settlers (Israel)');
  });
});

describe('force at protests', () => {
  it('live fire that wounds protesters is Excessive force against protesters', () => {
    const [event] = extract('عدن - أُصيب ثلاثة محتجين بالرصاص الحي مساء اليوم عندما أطلقت قوات الأمن النار لتفريق عشرات المحتجين في مديرية المنصورة احتجاجاً على انقطاع الكهرباء.', '2024-07-22').events;
    assert.equal(event.sub_event_type, 'Excessive force against protesters');
    assert.equal(event.injuries, 3);
  });
});

describe('what an arrest is for', () => {
  it('the riot that the arrested are suspected of is an event of its own, on its own day', () => {
    const events = extract('معان - أعلنت مديرية الأمن العام صباح اليوم الأحد توقيف تسعة أشخاص في مدينة معان، يُشتبه بتورطهم في أعمال شغب شهدتها المدينة مساء أمس السبت.', '2024-06-16').events;
    assert.deepEqual(events.map((e) => e.sub_event_type).sort(), ['Arrests', 'Violent demonstration']);
    assert.equal(events.find((e) => e.sub_event_type === 'Violent demonstration')?.event_date, '2024-06-15');
  });
});

describe('devices made safe', () => {
  it('a foiled car bomb or a defused IED is Disrupted weapons use; a device that went off is not', () => {
    const foiled = extract('مقديشو - أحبطت الشرطة الصومالية مساء أمس الثلاثاء محاولة تفجير سيارة مفخخة في مديرية هودن بالعاصمة مقديشو.').events[0];
    assert.equal(foiled.sub_event_type, 'Disrupted weapons use');
    const defused = extract('Army engineers defused two roadside bombs planted on a road near Tarmiyah on Tuesday, police said.').events[0];
    assert.equal(defused.sub_event_type, 'Disrupted weapons use');
    const exploded = extract('A roadside bomb exploded as police tried to defuse it near Tarmiyah on Tuesday, killing two officers.').events[0];
    assert.equal(exploded.sub_event_type, 'Remote explosive/landmine/IED');
  });
});

describe('tolls and statistics', () => {
  it('a toll counted since a date stays a statistic, not the event\'s toll', () => {
    const result = extract('وثق المرصد مقتل 37 مدنياً في غارات على ريف إدلب منذ مطلع الشهر الجاري.');
    assert.equal(result.claims[0]?.kind, 'statistic');
    assert.equal(result.claims[0]?.value, 37);
    assert.ok(result.events.every((e) => e.fatalities !== 37));
  });
});

describe('attribution certainty', () => {
  it('"يعتقد أنهم من" after the verb makes the group the suspected attacker, not the victim', () => {
    const [event] = extract('اختطف مسلحون يُعتقد أنهم من حركة الشباب ثلاثة عمال إغاثة على الطريق بين أفجوي ومقديشو صباح اليوم.').events;
    assert.equal(event.sub_event_type, 'Abduction/forced disappearance');
    assert.equal(event.actor1_certainty, 'suspected');
    assert.equal(event.actor1_suspected, 'Al Shabaab');
    assert.notEqual(event.actor2, 'Al Shabaab');
  });
  it('"ولم تعلن أي جهة مسؤوليتها" is no claim, and the patrol hit is the target', () => {
    const result = extract('خانقين - انفجرت عبوة ناسفة بدورية لشرطة خانقين على طريق قرب المدينة، ولم تعلن أي جهة مسؤوليتها عن الهجوم، فيما تنشط خلايا تنظيم داعش في المنطقة.');
    assert.equal(result.claims.filter((c) => c.kind === 'responsibility').length, 0);
    assert.match(result.events[0].actor1, /^Unidentified Armed Group/);
    assert.equal(result.events[0].actor2, 'Police Forces of Iraq');
  });
  it('"رجحت المصادر" makes the attacker suspected, not stated', () => {
    const [event] = extract('استهدف قصف صاروخي القاعدة الأمريكية في حقل العمر. ورجحت المصادر أن تكون الميليشيات الإيرانية وراء القصف.').events;
    assert.equal(event.actor1_certainty, 'suspected');
    assert.equal(event.actor1_suspected, 'Iran-backed militias');
    assert.match(event.actor1, /^Unidentified Armed Group/);
  });
  it('a plainly stated attacker is stated', () => {
    const [event] = extract('شن التحالف الدولي غارات على مواقع للميليشيات الإيرانية في ريف البوكمال.').events;
    assert.equal(event.actor1, 'Global Coalition Against Daesh');
    assert.equal(event.actor1_certainty, 'stated');
    assert.equal(event.actor2, 'Iran-backed militias');
  });
  it('"reportedly" hedges an English attribution', () => {
    const [event] = extract('Rockets reportedly fired by Iran-backed militias hit a US base in eastern Syria on Sunday.').events;
    assert.equal(event.actor1_certainty, 'suspected');
  });
});

describe('what is not an event', () => {
  const texts = [
    'ستستمر القوات بمهاجمة المناطق التي تستهدف قواعدها.',
    'هددت الجماعة بشن هجمات على السفن في البحر الأحمر.',
    'وبلغ عدد الهجمات على القواعد الأمريكية نحو 15 هجوماً منذ أيار عام 2017.',
    'ارتفعت أسعار الوقود في العاصمة للمرة الثالثة هذا العام.',
    'The central bank raised interest rates on Tuesday.',
  ];
  for (const text of texts) it(text, () => assert.deepEqual(extract(text).events, []));
});

describe('who was hit and who intervened', () => {
  it('takes the force that opened fire on protesters as actor2, named outside the protest clause', () => {
    const [event] = extract('One protester was killed when police opened fire to disperse a demonstration over power cuts in Al-Zubair on Monday.', '2024-07-16').events;
    assert.equal(event.sub_event_type, 'Excessive force against protesters');
    assert.equal(event.actor2, 'Police Forces of Iraq');
  });
  it('takes the group that mourns the dead as the side hit', () => {
    const text = 'استشهد شاب صباح اليوم جراء غارة نفذتها مسيّرة إسرائيلية على دراجة نارية عند أطراف بلدة كفرشوبا جنوبي لبنان. ونعى «حزب الله» لاحقاً في بيان أحد عناصره.';
    const [event] = extract(text, '2024-03-20').events;
    assert.equal(event.actor1, 'Military Forces of Israel');
    assert.equal(event.actor2, 'Hezbollah');
  });
});

describe('a tally or a trend over a period up to now is not an event', () => {
  for (const text of [
    'وقالت نقابة المعلمين في بيان إن الجماعة اختطفت 47 معلماً في محافظات إب وذمار منذ مطلع العام الجاري.',
    'وتشهد مدن ومخيمات شمال الضفة الغربية تصعيداً متواصلاً منذ أشهر، مع تكرار الاقتحامات وما يرافقها من اشتباكات.',
  ]) {
    it(text, () => assert.deepEqual(extract(text).events, []));
  }
});

describe('the speaker announcing its own act, and the air force of the article', () => {
  it('«أعلنت قوات الدعم السريع سيطرتها على المدينة» makes the RSF the actor', () => {
    const [event] = extract('أعلنت قوات الدعم السريع سيطرتها على مدينة أم كدادة شرقي ولاية شمال دارفور، بعد معارك مع القوة المشتركة اندلعت أمس الأحد.', '2024-12-02').events;
    assert.equal(event.sub_event_type, 'Non-state actor overtakes territory');
    assert.equal(event.actor1, 'Rapid Support Forces');
  });
  it('unnamed warplanes recalled in an article that names the army\'s air force are that air force', () => {
    const text =
      'أصيب 14 شخصاً بحالات اختناق إثر إلقاء الطيران الحربي التابع للجيش السوداني براميل محمّلة بغاز الكلور على حي سكني في مدينة مليط مساء السبت.\nوكان الطيران الحربي قد قصف سوق مليط الرئيسي الشهر الماضي، ما أسفر عن مقتل تسعة مدنيين.';
    const events = extract(text, '2025-04-14').events;
    assert.ok(events.length >= 2);
    for (const event of events) assert.equal(event.actor1, 'Military Forces of Sudan Air Force');
  });
});

describe('a force backing the doer, and a time word inside the verb phrase', () => {
  it('«قوات الجيش، بمساندة مقاتلي ...، استعادت أمس السيطرة على البلدة»: the army regained it, its backers are associates', () => {
    const [event] = extract('أعلنت وزارة الإعلام أن قوات الجيش الوطني الصومالي، بمساندة مقاتلي المعاويسلي المحليين، استعادت أمس الاثنين السيطرة على بلدة مهداي بعد معارك مع مقاتلي حركة الشباب.', '2025-03-11').events;
    assert.equal(event.sub_event_type, 'Government regains territory');
    assert.equal(event.actor1, 'Military Forces of Somalia');
    assert.equal(event.actor2, 'Al Shabaab');
  });
  it('fighting "between gunmen from the Tuareg and others from the Tebu" has both communal militias as sides', () => {
    const [event] = extract('اندلعت الليلة الماضية اشتباكات مسلحة بين مسلحين من الطوارق وآخرين من التبو في أحد أحياء مدينة أوباري، ما أسفر عن مقتل شخص.', '2025-01-08').events;
    assert.deepEqual([event.actor1, event.actor2].sort(), ['Tebu Ethnic Militia (Libya)', 'Tuareg Ethnic Militia (Libya)']);
  });
});

describe('the other side by the kind of event', () => {
  it('a mob that burns a family\'s houses acts against civilians', () => {
    const [event] = extract(readFileSync(join(import.meta.dirname, '..', '..', 'corpus', 'dev', 'ar2', 'kahla-tribal-revenge.ar.txt'), 'utf8'), '2024-08-20').events;
    assert.equal(event.sub_event_type, 'Mob violence');
    assert.equal(event.actor2, 'Civilians (Iraq)');
    assert.ok((event.fatalities ?? 0) <= 1, `the dozens are relatives, not the dead (${event.fatalities})`);
  });
  it('ground a group takes is taken from the state\'s forces when no one else is named', () => {
    const [event] = extract('Rapid Support Forces fighters seized the town of Er Rahad in North Kordofan on Thursday, residents said.', '2025-06-06').events;
    assert.equal(event.sub_event_type, 'Non-state actor overtakes territory');
    assert.equal(event.actor2, 'Military Forces of Sudan');
  });
});

describe('«التنظيم», «الحركة», "the group" refer back to the group named before', () => {
  it('«هاجم عناصر من التنظيم» after «تنظيم الدولة» is the Islamic State, not the SDF named in between', () => {
    const text =
      'قُتل عنصران من قوات سوريا الديمقراطية بانفجار عبوة ناسفة في بلدة ذيبان بريف دير الزور مساء السبت. وتبنّى تنظيم الدولة في سوريا التفجير. وسبق أن هاجم عناصر من التنظيم حاجزاً لقسد في بلدة الشحيل الشهر الماضي، واندلعت اشتباكات أسفرت عن مقتل عنصر من الحاجز.';
    const events = extract(text, '2024-07-22').events;
    const clash = events.find((e) => e.location === 'Al-Shuhayl');
    assert.ok(clash, JSON.stringify(events.map((e) => e.location)));
    assert.deepEqual([clash.actor1, clash.actor2].sort(), ['Islamic State (Syria)', 'SDF: Syrian Democratic Forces']);
  });
  it('a bare «تنظيم» before a name is that name\'s descriptor, not an anaphor', () => {
    const [event] = extract('انفجرت عبوة ناسفة بدورية لقوات سوريا الديمقراطية في ذيبان أمس، وتبنّى تنظيم «داعش» التفجير.', '2024-07-22').events;
    assert.match(event.actor1, /Islamic State/);
  });
});

describe('an aside with no place of its own in a report that places its events', () => {
  it('"those detained were released later" is not an arrest of its own', () => {
    const text =
      'Jordanian police fired tear gas to disperse hundreds of protesters outside the Israeli embassy in Amman on Friday night and detained several of them. The Public Security Directorate said that those detained were released later in the night after signing pledges.';
    const events = extract(text, '2024-10-12').events;
    assert.ok(events.length >= 1);
    for (const e of events) assert.notEqual(e.location, e.country, `${e.sub_event_type} at ${e.location}`);
  });
});

describe('"from both sides" in a later event of the same kind', () => {
  it('a similar prisoner swap "from both sides" is between the sides of the first one', () => {
    const text =
      'أعلنت لجنة الوساطة المحلية في تعز إتمام صفقة لتبادل الأسرى بين القوات الحكومية وجماعة الحوثي أمس الجمعة في منطقة الحوبان شرقي مدينة تعز.\nوسبق أن أُنجزت صفقة مماثلة بوساطة قبلية في محافظة مأرب الشهر الماضي، أُطلق خلالها سراح 20 أسيراً من الجانبين.';
    const events = extract(text, '2024-09-14').events;
    assert.equal(events.length, 2);
    for (const e of events) assert.deepEqual([e.actor1, e.actor2].sort(), ['Military Forces of Yemen Houthi', 'Military Forces of Yemen Presidential Leadership Council']);
  });
});

describe('arrests told after a riot', () => {
  it('are of its rioters', () => {
    const text =
      'Dozens of youths blocked roads with burning tyres and threw stones at the police station in Maan on Saturday night, protesting fuel price rises.\nPolice arrested 15 people on Sunday in raids in the town.';
    const arrests = extract(text, '2024-06-17').events.find((e) => e.sub_event_type === 'Arrests');
    assert.equal(arrests?.actor2, 'Rioters (Jordan)');
  });
});

describe('a place named as a protest\'s cause', () => {
  it('«مسيرة في عمّان تضامناً مع أهالي قطاع غزة» happened in Amman', () => {
    const [event] = extract('خرج مئات المواطنين بعد صلاة الجمعة في مسيرة انطلقت من أمام المسجد الحسيني في وسط البلد بعمّان، تضامناً مع أهالي قطاع غزة.', '2024-04-12').events;
    assert.equal(event.sub_event_type, 'Peaceful protest');
    assert.equal(event.location, 'Amman');
  });
});

describe('"the same road" with no place of its own', () => {
  it('is the place of the event told before, not the city named elsewhere in the report', () => {
    const text =
      'Three members of the Federal Police were wounded last night when a roadside bomb exploded next to their patrol on a rural road south of Daquq, in Kirkuk province, security officials said.\nThe wounded men were taken to Kirkuk General Hospital.\nThe same road had previously been targeted in February, when a bomb damaged an army Humvee.';
    const events = extract(text, '2024-05-21').events;
    const recalled = events.find((e) => e.background);
    assert.equal(recalled?.location, 'Daquq');
  });
});

describe('a state\'s warplanes are its air force', () => {
  it('«طائرات «إف-16» العراقية» ... «أوكار للتنظيم» after «تنظيم «داعش»»', () => {
    const text =
      'أعلنت خلية الإعلام الأمني مقتل ثلاثة من عناصر تنظيم «داعش» في اشتباك مع الجيش العراقي في جبال حمرين أمس.\nوكانت طائرات «إف-16» العراقية قد نفذت في الثالث من الشهر الجاري ضربات جوية على أوكار للتنظيم قرب ناحية الرياض جنوب غربي كركوك.';
    const strike = extract(text, '2024-04-14').events.find((e) => e.sub_event_type === 'Air/drone strike');
    assert.equal(strike?.actor1, 'Military Forces of Iraq Air Force');
    assert.match(strike?.actor2 ?? '', /Islamic State/);
  });
});

describe('a habitual statement that holds the trigger in its cue', () => {
  for (const text of ['وتشن حركة الشباب هجمات متكررة ضد القوات الحكومية والمدنيين.', 'وتشن حركة الشباب الهجمات المتكررة ضد القوات الحكومية.']) {
    it(text, () => assert.deepEqual(extract(text, '2024-10-09').events, []));
  }
});

describe('a group that reports its own act after the event', () => {
  it('is the author of the intercepted rockets, past an apposition and "in a statement that"', () => {
    const text =
      'Sirens sounded in Ashkelon on Monday evening as three rockets were fired from the Gaza Strip. All three were intercepted over the city, the Israeli military said.\nThe Mujahideen Brigades, the armed wing of the Popular Resistance Committees, said in a short statement that its fighters had launched the rockets.';
    const event = extract(text, '2024-05-13').events[0];
    assert.equal(event.sub_event_type, 'Disrupted weapons use');
    assert.notEqual(event.actor1, 'Unidentified Armed Group (Israel)');
    assert.equal(event.actor2, 'Military Forces of Israel');
  });
  it('«وقالت سرايا القدس في بيان إن مقاتليها أطلقوا الصواريخ» names who fired', () => {
    const text =
      'دوت صفارات الإنذار في مدينة عسقلان مساء اليوم بعد إطلاق صاروخين من قطاع غزة، وقال الجيش الإسرائيلي إن منظومة القبة الحديدية اعترضت الصاروخين.\nوقالت سرايا القدس في بيان مقتضب إن مقاتليها أطلقوا الصواريخ رداً على المجازر.';
    const event = extract(text, '2024-05-13').events[0];
    assert.equal(event.actor1, 'Al Quds Brigades');
  });
  it('does not take a later act with another weapon: an arrest statement leaves the bombing unclaimed', () => {
    const text =
      'Two soldiers were killed when a roadside bomb struck their patrol near Tarmiyah on Sunday.\nThe Iraqi army said in a statement that its forces had arrested three suspects in a nearby village.';
    const bombing = extract(text, '2024-05-13').events.find((e) => e.sub_event_type === 'Remote explosive/landmine/IED');
    assert.match(bombing?.actor1 ?? '', /^Unidentified/);
  });
});

describe('who stopped what was shot down', () => {
  it('is the military that reports it', () => {
    const text = 'A drone launched from Lebanon toward the northern town of Kiryat Shmona was shot down early on Friday, the Israeli military said. No one was hurt.';
    const event = extract(text, '2024-05-17').events[0];
    assert.equal(event.sub_event_type, 'Disrupted weapons use');
    assert.equal(event.actor2, 'Military Forces of Israel');
  });
  it('stays unknown when no military speaks', () => {
    const text = 'A drone was shot down as it approached Erbil airport early on Sunday, the Kurdistan Region\'s Counter-Terrorism Directorate said.';
    const event = extract(text, '2024-06-09').events[0];
    assert.equal(event.actor2, '');
  });
  it('an unknown drone is the one stopped, the air defences of a named army the ones stopping it', () => {
    const text = 'اعترضت الدفاعات الجوية التابعة للقوات المسلحة الأردنية فجر اليوم طائرة مسيّرة مجهولة الهوية في أجواء محافظة إربد شمالي المملكة.';
    const event = extract(text, '2024-06-09').events[0];
    assert.equal(event.actor2, 'Military Forces of Jordan');
    assert.match(event.actor1, /^Unidentified/);
  });
});

describe('a claim that points back at an attack told before', () => {
  it('names that attack\'s author, the group rather than the umbrella described beside it', () => {
    const text =
      'U.S. aircraft struck a depot of the Kataib Hezbollah militia near al-Qaim on Saturday, U.S. Central Command said.\nOn Thursday, the Victory base near Baghdad airport came under fire from four rockets. The Islamic Resistance in Iraq, an umbrella group of Iran-backed factions, claimed responsibility for that attack.';
    const events = extract(text, '2024-06-15').events;
    const strike = events.find((e) => e.event_date === '2024-06-15');
    const recalled = events.find((e) => e.event_date === '2024-06-13');
    assert.equal(strike?.actor1, 'Military Forces of the United States');
    assert.equal(strike?.location, 'Al-Qaim');
    assert.equal(recalled?.actor1, 'Islamic Resistance in Iraq');
    assert.equal(recalled?.actor1_certainty, 'claimed');
  });
});

describe('the ends of a road are not where the story is', () => {
  it('a road closed between two cities stays in the city the report is about, and so does "the city" after it', () => {
    const text =
      'اندلعت مساء أمس اشتباكات بين مجموعتين مسلحتين في حي الشهداء بمدينة غريان، ما أسفر عن مقتل شاب.\nوأُغلق على إثرها الطريق الرابط بين غريان وطرابلس لساعات، قبل أن يتوصل أعيان المدينة إلى وقف لإطلاق النار.\nوليست هذه المرة الأولى التي تشهد فيها المدينة مواجهات، إذ اندلعت في مارس الماضي اشتباكات مماثلة وسط المدينة أسفرت عن مقتل شخصين، بينهما طفل.';
    const events = extract(text, '2024-06-20').events;
    assert.ok(events.every((e) => e.location === 'Gharyan'), JSON.stringify(events.map((e) => e.location)));
    // The truce that ended the fighting is part of its report, not an Agreement of its own.
    assert.ok(!events.some((e) => e.sub_event_type === 'Agreement'));
    // Two unnamed armed groups fought; the child among the dead does not make civilians a side.
    const recalled = events.find((e) => e.event_date?.startsWith('2024-03'));
    assert.equal(recalled?.actor1, 'Unidentified Armed Group (Libya)');
    assert.equal(recalled?.actor2, 'Unidentified Armed Group (Libya)');
  });
  it('an ambush on the road from a town to its villages is at the town', () => {
    const text = 'قُتل مقاتلان من «قوات سوريا الديمقراطية» اليوم الأحد جراء استهداف طائرة مسيّرة سيارتهما على الطريق الواصل بين مدينة الدرباسية والقرى الواقعة شرقها، في ريف الحسكة الشمالي.';
    assert.equal(extract(text, '2024-08-25').events[0]?.location, 'Al-Darbasiyah');
  });
});

describe('a lead that tells two events, each told again after it', () => {
  it('keeps the shelling and the clash apart, and each later sentence with its own kind', () => {
    const text =
      'الضالع - (وكالة عدن للأنباء) - أصيب مدنيان، صباح اليوم الخميس، بقذائف أطلقتها جماعة الحوثي على قرية في مديرية قعطبة شمالي محافظة الضالع، في حين قُتل ثلاثة جنود من الجيش الوطني في مواجهات مع مسلحي الجماعة بمحافظة البيضاء.\nواتهم مصدر عسكري الحوثيين بقصف القرية «من مواقعهم في منطقة مريس».\nوفي البيضاء، قال مصدر عسكري إن مسلحين حوثيين شنوا أمس هجوماً على مواقع الجيش في مديرية الزاهر، وإن اشتباكات عنيفة استمرت ساعات أسفرت عن مقتل ثلاثة جنود.';
    const events = extract(text, '2024-10-10').events;
    assert.equal(events.length, 2, JSON.stringify(events.map((e) => [e.sub_event_type, e.location])));
    const shelling = events.find((e) => e.sub_event_type === 'Shelling/artillery/missile attack');
    const clash = events.find((e) => e.sub_event_type === 'Armed clash');
    assert.equal(shelling?.actor1, 'Military Forces of Yemen Houthi');
    assert.equal(shelling?.fatalities, 0);
    assert.notEqual(shelling?.location, 'Aden');
    assert.equal(clash?.event_date, '2024-10-09');
    assert.equal(clash?.fatalities, 3);
  });
});

describe('documenting one act on a given day', () => {
  it('reports the act; documenting many since a date counts them', () => {
    const text =
      'قالت منظمة «حقوق دارفور» إنها وثّقت تعرّض ثلاث نساء للاغتصاب على أيدي عناصر من قوات الدعم السريع خلال اقتحام قرية قريبة من مدينة الحصاحيصا قبل ثلاثة أيام.\nوأحصت المنظمة 40 حالة عنف جنسي في الولاية منذ مطلع العام.';
    const events = extract(text, '2024-11-20').events;
    assert.equal(events.length, 1);
    assert.equal(events[0].sub_event_type, 'Sexual violence');
    assert.equal(events[0].actor1, 'Rapid Support Forces');
    assert.equal(events[0].event_date, '2024-11-17');
    assert.equal(events[0].fatalities, 0);
  });
});

describe('the losing side\'s account of a capture', () => {
  it('«انسحبوا تكتيكياً» after the capture is the same change of hands', () => {
    const text =
      'أعلنت قوات الدعم السريع اليوم سيطرتها على مدينة أم كدادة شرقي ولاية شمال دارفور بعد معارك مع القوة المشتركة.\nمن جهتها، قالت القوة المشتركة إن مقاتليها «انسحبوا تكتيكياً» من المدينة لتجنيب المدنيين ويلات القتال.';
    const events = extract(text, '2024-12-02').events;
    assert.deepEqual(events.map((e) => e.sub_event_type), ['Non-state actor overtakes territory']);
  });
});

describe('acts named but not told as done', () => {
  it('an analyst\'s reading of what a new post is part of is no event', () => {
    const text =
      'أنشأت القوات التركية أمس الثلاثاء نقطة عسكرية جديدة على تلة مطلّة على بلدة دارة عزة في ريف حلب الغربي.\nويُرجّح أن تكون النقطة جزءاً من إعادة انتشار للقوات التركية في شمال غربي سوريا، بعد أن أخلت خلال الأشهر الماضية عدداً من نقاطها.';
    const events = extract(text, '2025-05-21').events;
    assert.deepEqual(events.map((e) => e.sub_event_type), ['Headquarters or base established']);
  });
  it('cells that hide "to carry out sporadic attacks" carry out none here', () => {
    const text =
      'فككت مفارز الهندسة في الجيش العراقي صباح اليوم عبوتين ناسفتين زُرعتا على طريق ترابي في ناحية الرياض جنوب غربي كركوك.\nويرجح مصدر أمني أن تكون العبوتان من زرع خلايا تابعة لتنظيم «داعش» تنشط في الوديان لتنفيذ هجمات متفرقة.';
    const events = extract(text, '2024-10-08').events;
    assert.deepEqual(events.map((e) => e.sub_event_type), ['Disrupted weapons use']);
  });
  it('reinforcements that arrived during a battle are part of it', () => {
    const text =
      'At least five fighters were killed on Tuesday when Houthi forces attacked government positions in the Sirwah district of Marib province. Government troops pushed the attackers back after reinforcements arrived from the city of Marib, two officers said.';
    const events = extract(text, '2024-02-07').events;
    assert.deepEqual(events.map((e) => e.sub_event_type), ['Armed clash']);
  });
  it('a pluperfect that goes back over the march just told recalls no other march', () => {
    const text =
      'أُصيب ثلاثة شبان بالرصاص المعدني المغلّف بالمطاط أمس خلال قمع قوات الاحتلال الإسرائيلي المسيرة الأسبوعية في بلدة بيت دجن شرق نابلس.\nوكانت المسيرة قد انطلقت بمشاركة عشرات الأهالي، ورفعوا الأعلام الفلسطينية وردّدوا هتافات تطالب بفتح الطريق.';
    const events = extract(text, '2024-09-14').events;
    assert.equal(events.length, 1, JSON.stringify(events.map((e) => [e.sub_event_type, e.event_date])));
    assert.equal(events[0].sub_event_type, 'Protest with intervention');
  });
});

describe('armed men named by their town', () => {
  it('are its communal militia, in Arabic and English', () => {
    const ar = 'توصّل جهاز دعم الاستقرار ومجموعة مسلحة من أبناء مدينة غريان، مساء أمس، إلى اتفاق لوقف إطلاق النار برعاية مجلس أعيان المدينة.';
    const agreement = extract(ar, '2024-10-17').events[0];
    assert.equal(agreement?.sub_event_type, 'Agreement');
    assert.equal(agreement?.actor2, 'Gharyan Communal Militia (Libya)');
    const en = 'Local Gharyan armed groups clashed with the Stability Support Apparatus on Tuesday near the town centre, killing two fighters.';
    const clash = extract(en, '2024-10-17').events[0];
    assert.ok([clash?.actor1, clash?.actor2].includes('Gharyan Communal Militia (Libya)'), JSON.stringify([clash?.actor1, clash?.actor2]));
  });
});

describe('bodies a mass grave gives up', () => {
  it('are civilians who died in events of their own', () => {
    const text = 'Search teams uncovered a mass grave containing the remains of nine people on farmland outside Tarhuna on Thursday, the missing persons authority said.';
    const event = extract(text, '2024-06-28').events[0];
    assert.equal(event?.sub_event_type, 'Other');
    assert.equal(event?.actor2, 'Civilians (Libya)');
    assert.equal(event?.fatalities, 0);
  });
});

describe('words that only look like roles', () => {
  it('"on" inside a date marks no target, and residents who tell it are not its targets', () => {
    const text = 'Earlier on Thursday, Israeli artillery shelled the outskirts of Khiam for about an hour, residents said. No casualties were reported.';
    const event = extract(text, '2024-03-14').events[0];
    assert.equal(event?.actor1, 'Military Forces of Israel');
    assert.equal(event?.actor2, '');
  });
});

describe('one event per place', () => {
  it('towns joined by "and" in the lead are each a place of the event; the toll is not copied', () => {
    const text = 'شنت طائرات حربية روسية اليوم غارات على بلدتي كفرنبل وسراقب في ريف إدلب الجنوبي، ما أدى إلى مقتل ثلاثة مدنيين.';
    const events = extract(text, '2024-06-01').events;
    assert.deepEqual(events.map((e) => e.location).sort(), ['Kafr Nabl', 'Saraqib']);
    assert.deepEqual(events.map((e) => e.fatalities).sort(), [3, null]);
    assert.equal(new Set(events.map((e) => e.event_id)).size, 2);
  });
  it('arrests in a city and a nearby town', () => {
    const text = 'Israeli forces arrested 11 Palestinians in raids on Tuesday night in the West Bank city of Nablus and the nearby town of Huwara, the Palestinian Prisoners\' Society said.';
    assert.deepEqual(extract(text, '2024-09-25').events.map((e) => e.location).sort(), ['Huwara', 'Nablus']);
  });
  it('the ends of a road are one place of one event', () => {
    const text = 'Clashes erupted on the road between Tripoli and Zawiya on Friday, killing two fighters.';
    assert.equal(extract(text, '2024-06-01').events.length, 1);
  });
});

describe('an accusation', () => {
  it('makes the accuser a speaker and the accused the suspected author', () => {
    const text = 'The army also accused the RSF of killing seven civilians on the outskirts of Um Ruwaba on Saturday.';
    const event = extract(text, '2025-05-19').events[0];
    assert.equal(event?.sub_event_type, 'Attack');
    assert.equal(event?.actor1, 'Unidentified Armed Group (Sudan)');
    assert.equal(event?.actor1_suspected, 'Rapid Support Forces');
    assert.equal(event?.actor2, 'Civilians (Sudan)');
    assert.equal(event?.fatalities, 7);
  });
  it('«واتهم المركز الإعلامي ... الميليشيا الحوثية بقصف الحي»', () => {
    const text = 'أصيب مدنيان اليوم بقذائف سقطت على حي الروضة في مدينة تعز، واتهم المركز الإعلامي لمحور تعز في بيان «الميليشيا الحوثية» بقصف الحي.';
    const event = extract(text, '2024-09-18').events[0];
    assert.notEqual(event?.actor1, 'Military Forces of Yemen Presidential Leadership Council');
    assert.ok(event?.actor1 === 'Military Forces of Yemen Houthi' || event?.actor1_suspected === 'Military Forces of Yemen Houthi', JSON.stringify([event?.actor1, event?.actor1_suspected]));
  });
});

describe('an event first told by a word of another family', () => {
  it('is continued by the next sentence of its own kind', () => {
    const text =
      'The Sanaa Centre for Detainees condemns the abduction of teacher Ali Saleh, who was taken from his home in Sanaa on March 3 by armed men.\nAccording to his family, four armed men arrived in a pickup truck at about 9 p.m. and took him to an unknown location.';
    assert.equal(extract(text, '2025-03-04').events.length, 1);
  });
});

describe('arrests for a riot told in the same sentence', () => {
  it('take the day they were announced, not the riot\'s, and the rioters as actor2', () => {
    const text =
      'أعلنت مديرية الأمن العام صباح اليوم الأحد توقيف سبعة أشخاص في مدينة الطفيلة، يُشتبه بتورطهم في أعمال شغب شهدتها المدينة مساء أمس السبت.';
    const arrests = extract(text, '2024-06-16').events.find((e) => e.sub_event_type === 'Arrests');
    assert.equal(arrests?.event_date, '2024-06-16');
    assert.equal(arrests?.actor2, 'Rioters (Jordan)');
  });
  it('a recapture "after battles yesterday" is yesterday\'s', () => {
    const text = 'أعلن الجيش السوداني، اليوم الاثنين، استعادة السيطرة على مدينة الرهد، بعد معارك مع قوات الدعم السريع استمرت ساعات أمس الأحد.';
    assert.equal(extract(text, '2025-06-09').events[0]?.event_date, '2025-06-08');
  });
});

describe('a measure taken after clashes, in one sentence', () => {
  const text =
    'أعلنت مديرية أمن سبها فرض حظر تجوّل ليلي في المدينة اعتباراً من مساء اليوم الأربعاء، وذلك عقب اشتباكات مسلحة اندلعت الليلة الماضية بين مسلحين من الطوارق وآخرين من التبو في أحد الأحياء الجنوبية للمدينة.\nوأسفرت الاشتباكات عن مقتل شخص وإصابة ثلاثة آخرين، بحسب مستشفى سبها الطبي الذي أعلن حالة الطوارئ.';
  const events = extract(text, '2025-01-08').events;
  it('gives the curfew its own day and the police that announced it, and no one\'s toll', () => {
    const curfew = events.find((e) => e.sub_event_type === 'Other');
    assert.equal(curfew?.event_date, '2025-01-08');
    assert.equal(curfew?.actor1, 'Police Forces of Libya');
    assert.equal(curfew?.actor2, '');
  });
  it('gives the clashes their sides, their day, their toll and the city', () => {
    const clash = events.find((e) => e.sub_event_type === 'Armed clash');
    assert.equal(clash?.event_date, '2025-01-07');
    assert.deepEqual([clash?.actor1, clash?.actor2], ['Tuareg Ethnic Militia (Libya)', 'Tebu Ethnic Militia (Libya)']);
    assert.equal(clash?.fatalities, 1);
    assert.equal(clash?.location, 'Sabha');
  });
  it('a hospital declaring an emergency is no event', () => assert.equal(events.length, 2));
});

describe('the side hit strikes back', () => {
  it('a sentence whose subject is the side the event told before hit tells a new event', () => {
    const text =
      'قُتل عنصران من «قوات سوريا الديمقراطية» فجر اليوم إثر استهداف مسيّرة تركية سيارة عسكرية قرب بلدة عين عيسى في ريف الرقة الشمالي.\nوبعد ساعات من الاستهداف، قصفت قسد بالمدفعية الثقيلة مواقع لفصائل «الجيش الوطني السوري» في محيط مدينة تل أبيض، في ما وصفته بأنه ردّ على الاعتداءات التركية.';
    const events = extract(text, '2025-01-16').events;
    const strike = events.find((e) => e.sub_event_type === 'Air/drone strike');
    const shelling = events.find((e) => e.sub_event_type === 'Shelling/artillery/missile attack');
    assert.equal(strike?.actor1, 'Military Forces of Turkey');
    assert.equal(strike?.actor2, 'SDF: Syrian Democratic Forces');
    assert.equal(shelling?.actor1, 'SDF: Syrian Democratic Forces');
    assert.equal(shelling?.actor2, 'Syrian National Army');
  });
});

describe('an interception told verb-first with a long subject', () => {
  it('«اعترضت منظومة الدفاع الجوي ... ثلاثة صواريخ», claimed by a group introduced by a description', () => {
    const text =
      'اعترضت منظومة الدفاع الجوي «سي-رام» التابعة للتحالف الدولي، مساء أمس الاثنين، ثلاثة صواريخ أُطلقت باتجاه قاعدة فكتوريا العسكرية المحاذية لمطار بغداد الدولي.\nوأوضح المصدر أن الصواريخ انفجرت في الجو قبل بلوغ هدفها، من دون تسجيل أي خسائر بشرية.\nوتبنّت جماعة تطلق على نفسها «سرايا أولياء الدم» الهجوم في بيان على تلغرام.';
    const events = extract(text, '2025-02-11').events;
    assert.equal(events.length, 1);
    assert.equal(events[0].sub_event_type, 'Disrupted weapons use');
    assert.equal(events[0].actor1, 'Saraya Awliya al Dam');
    assert.equal(events[0].fatalities, 0);
  });
  it('«اعترض» without a weapon is an objection', () => {
    assert.deepEqual(extract('اعترض نواب في البرلمان العراقي اليوم على مشروع قانون الموازنة في بغداد.', '2025-02-11').events, []);
  });
});

describe('a grenade attack and the arrests for it', () => {
  const text =
    'أُصيب ثلاثة أشخاص بجروح ليل الجمعة جراء إلقاء مجهولين قنبلة يدوية على منزل مواطن في حي الجمهورية وسط مدينة البصرة.\nوفي تطور لاحق، جرى اعتقال شخصين يُشتبه بتورطهما في الحادث ظهر أمس السبت، إثر مداهمة نفذتها قوة من شرطة البصرة.\nوتشهد البصرة بين حين وآخر هجمات بالقنابل الصوتية واليدوية على منازل ومحال تجارية.';
  const events = extract(text, '2024-09-29').events;
  it('the arrested are the attackers; a habit of attacks and stun grenades with no protest are no events', () => {
    assert.deepEqual(events.map((e) => e.sub_event_type), ['Grenade', 'Arrests']);
    assert.equal(events[1].actor2, 'Unidentified Armed Group (Iraq)');
  });
});

describe('the other side\'s answer the same night', () => {
  it('«في ساعة متأخرة من الليلة ذاتها، قصفت مدفعية القوات الحكومية مواقع للحوثيين» is its own event on that day', () => {
    const text =
      'قُتل طفلان مساء أمس الاثنين جراء سقوط قذائف هاون أطلقتها جماعة الحوثي على حي الروضة شمالي مدينة تعز.\nوفي ساعة متأخرة من الليلة ذاتها، قصفت مدفعية القوات الحكومية مواقع للحوثيين في منطقة الحوبان شرقي المدينة «رداً على استهداف الأحياء السكنية».\nولم تعلّق جماعة الحوثي رسمياً على الحادثتين.';
    const events = extract(text, '2025-04-08').events;
    assert.equal(events.length, 2, JSON.stringify(events.map((e) => [e.sub_event_type, e.actor1, e.location])));
    const answer = events.find((e) => e.location === 'Al-Hawban');
    assert.equal(answer?.event_date, '2025-04-07');
    assert.equal(answer?.actor1, 'Military Forces of Yemen Presidential Leadership Council');
    assert.equal(answer?.actor2, 'Military Forces of Yemen Houthi');
    assert.equal(answer?.related[0]?.relation, 'retaliation_for');
  });
});

describe('a voweled passive', () => {
  it('«اُستهدف طقم عسكري تابع للقوات الجنوبية بعبوة ناسفة»: what belongs to the force was hit, it did not strike', () => {
    const event = extract('اُستهدف طقم عسكري تابع للقوات الجنوبية بعبوة ناسفة صباح أمس على الطريق في مديرية المحفد شرقي محافظة أبين، ما أسفر عن مقتل جنديين.', '2024-10-23').events[0];
    assert.match(event.actor1, /^Unidentified/);
    assert.equal(event.actor2, 'Military Forces of Yemen Presidential Leadership Council - STC');
  });
  it('«هجوماً بعبوة مماثلة» is a bombing', () => {
    const event = extract('وكانت المديرية نفسها قد شهدت في الرابع من سبتمبر الماضي هجوماً بعبوة مماثلة استهدف دورية عسكرية قرب سوق المحفد في محافظة أبين.', '2024-10-23').events[0];
    assert.equal(event?.sub_event_type, 'Remote explosive/landmine/IED');
  });
});

describe('a live blog that retells its event', () => {
  const text =
    'تغطية مستمرة | الجنوب اللبناني\n09:40 – استهدفت مسيّرة إسرائيلية دراجة نارية على الطريق قرب بلدة عيترون في قضاء بنت جبيل، ما أدى إلى سقوط قتيل.\n10:25 – الجيش الإسرائيلي يزعم في بيان أن الغارة «أحبطت عنصراً في حزب الله».\n11:10 – وزارة الصحة: غارة العدو الإسرائيلي على طريق عيترون أدت إلى سقوط شهيد.\n12:30 – فجّرت قوة إسرائيلية توغّلت فجراً إلى أطراف بلدة كفركلا ثلاثة منازل غير مأهولة.';
  const events = extract(text, '2025-05-14').events;
  it('a later item that names the strike again is the same strike; a lone «قتيل» is one dead', () => {
    const strikes = events.filter((e) => e.sub_event_type === 'Air/drone strike');
    assert.equal(strikes.length, 1);
    assert.equal(strikes[0].fatalities, 1);
  });
  it('houses blown up far after the verb are property destroyed', () => {
    assert.ok(events.some((e) => e.sub_event_type === 'Looting/property destruction' && e.actor1 === 'Military Forces of Israel'));
  });
  it('a number before a singular noun counts: «12 قتيلاً»', () => {
    assert.equal(extract('ارتفعت حصيلة ضحايا القصف على مدينة الفاشر اليوم إلى 12 قتيلاً.', '2025-05-14').events[0]?.fatalities, 12);
  });
});

describe('a mob and the arrests that night', () => {
  const text =
    'تعرّض عدد من العمال السوريين في مدينة جونية، ليل السبت، لاعتداءات بالضرب على أيدي مجموعات من الشبان الغاضبين.\nوتدخّلت وحدات من الجيش اللبناني لتطويق الإشكال، وأوقفت ثلاثة من المعتدين في الليلة نفسها.';
  const events = extract(text, '2024-10-06').events;
  it('an attack by angry young men is mob violence', () => assert.equal(events[0]?.sub_event_type, 'Mob violence'));
  it('the arrests "the same night" are on that night, where it was, of the attackers', () => {
    const arrests = events.find((e) => e.sub_event_type === 'Arrests');
    assert.equal(arrests?.event_date, '2024-10-05');
    assert.equal(arrests?.location, events[0]?.location);
    assert.equal(arrests?.actor2, 'Rioters (Lebanon)');
  });
  it('«أوقف إطلاق النار» is no arrest', () => assert.deepEqual(extract('أوقف الطرفان إطلاق النار مساء أمس في مدينة جونية.', '2024-10-06').events.filter((e) => e.sub_event_type === 'Arrests'), []));
});

describe('a raid with fighting, a drone strike in it, and arrests', () => {
  const text =
    'اقتحمت قوات الاحتلال الإسرائيلي فجر اليوم بلدة طمون جنوب مدينة طوباس بعشرات الآليات العسكرية.\nواندلعت اشتباكات مسلحة بين مقاومين وقوات الاحتلال في البلدة استمرت نحو ساعتين، قبل أن تستهدف طائرة مسيّرة إسرائيلية مجموعة من المقاومين، ما أدى إلى ارتقاء شابين.\nوأعلنت «كتيبة طوباس – سرايا القدس» في بيان أن مقاتليها «خاضوا اشتباكات ضارية مع القوات المقتحمة».\nوخلال الاقتحام، جرى اعتقال ستة شبان من البلدة، وفق هيئة الأسرى التي قالت إن «الحملات تهدف إلى كسر إرادة أهالي شمال الضفة».';
  const events = extract(text, '2025-01-28').events;
  it('the strike inside the fighting is part of the Armed clash, whose other side reports its own fighting', () => {
    const clash = events.find((e) => e.sub_event_type === 'Armed clash');
    assert.equal(clash?.actor1, 'Military Forces of Israel');
    assert.equal(clash?.actor2, 'PIJ: Katibat Tubas');
    assert.equal(clash?.fatalities, 2);
  });
  it('the arrests are in the town, not in the region a quote names', () => {
    assert.equal(events.find((e) => e.sub_event_type === 'Arrests')?.location, 'Tammun');
  });
});

describe('a base opened by a brigade, announced by its command', () => {
  const text =
    'أعلنت القيادة العامة للجيش الوطني الليبي، في بيان مساء أمس الثلاثاء، أن «اللواء طارق بن زياد المعزز» افتتح مقراً ميدانياً جديداً في مدينة أوباري، «لتعزيز تأمين الحدود الجنوبية».\nوسيتولى المقر تنسيق الدوريات على الطريق الرابط بين أوباري وحقل الشرارة.\nويأتي افتتاح المقر بعد أسابيع من توترات شهدتها المنطقة.';
  const events = extract(text, '2025-03-26').events;
  it('the brigade named in quotation marks opened it, in the town, not at the field the road leads to; the later mention is no second event', () => {
    assert.equal(events.length, 1);
    assert.equal(events[0].sub_event_type, 'Headquarters or base established');
    assert.equal(events[0].actor1, 'LNA: Libyan National Army - Tariq Ben Ziyad Brigade');
    assert.equal(events[0].location, 'Ubari');
  });
});

describe('an assault on a base that turns into fighting', () => {
  it('is an Armed clash, whatever weapons the attackers carried', () => {
    const text =
      'شنّ مسلحون من حركة الشباب هجوماً واسعاً، فجر أمس الثلاثاء، على قاعدة عسكرية للجيش الصومالي عند أطراف مدينة جوهر، ما أشعل مواجهات عنيفة استمرت ثلاث ساعات.\nوبحسب شهود عيان، بدأ الهجوم بتفجير سيارة مفخخة عند البوابة، أعقبه اقتحام عشرات المسلحين المزودين بأسلحة خفيفة وقذائف صاروخية.';
    const event = extract(text, '2024-08-14').events[0];
    assert.equal(event?.sub_event_type, 'Armed clash');
    assert.equal(event?.actor1, 'Al Shabaab');
    assert.equal(event?.actor2, 'Military Forces of Somalia');
  });
});

describe('a recapture report with its history and its aftermath', () => {
  const text =
    "Sudan's army said on Sunday it had recaptured the town of Jabal Awliya, south of Khartoum, from the paramilitary Rapid Support Forces.\nResidents described a tense calm on Sunday evening, with soldiers deployed at the main market.\nThe RSF had seized Jabal Awliya in June 2023, weeks after the war broke out.\nAid groups warn that the displaced may not be able to return quickly because of unexploded ordnance.";
  const events = extract(text, '2025-03-31').events;
  it('keeps the day it was announced, not the date of the town\'s fall; soldiers deployed and unexploded ordnance are no events', () => {
    const news = events.filter((e) => !e.background);
    assert.deepEqual(news.map((e) => [e.sub_event_type, e.event_date]), [['Government regains territory', '2025-03-30']]);
  });
});

describe('the attacker\'s own figure', () => {
  it('is a claim, not the toll', () => {
    const text =
      'A suicide bomber blew himself up at a military checkpoint in Jowhar on Wednesday, killing four soldiers, officials said.\nAl Shabaab claimed responsibility for the bombing in a statement. The group reportedly said 12 soldiers had died.\nJowhar has been repeatedly targeted by the al Qaeda-linked group, which has been fighting the government for nearly two decades.';
    const events = extract(text, '2025-05-29').events;
    assert.equal(events.length, 1);
    assert.equal(events[0].fatalities, 4);
    assert.equal(events[0].actor1, 'Al Shabaab');
  });
});

describe('a faction that suspends its operations', () => {
  it('changes its activity; the attacks it claimed over the past year are no event', () => {
    const text =
      'The Iran-aligned armed faction Kataib Sayyid al-Shuhada said on Monday in Baghdad it was suspending military operations against US forces in Iraq and Syria.\nThe faction, part of the wider Islamic Resistance in Iraq umbrella, has claimed a number of rocket and drone attacks on bases hosting US troops in the past year.';
    const events = extract(text, '2024-08-27').events;
    assert.equal(events.length, 1, JSON.stringify(events.map((e) => e.sub_event_type)));
    assert.equal(events[0].sub_event_type, 'Change to group/activity');
    assert.equal(events[0].actor1, 'Kataib Sayyid al-Shuhada');
    assert.equal(events[0].actor2, '');
  });
});

describe('drones stopped at one site and one that struck another', () => {
  it('«تصدّت المضادات الأرضية ... لعدد من الطائرات المسيّرة ... وأسقطتها», «طالت مسيّرة أخرى محطة ... في مدينة عطبرة»', () => {
    const text =
      'تصدّت المضادات الأرضية التابعة للجيش السوداني، فجر اليوم الاثنين، لعدد من الطائرات المسيّرة الانتحارية التي حاولت استهداف سد مروي في الولاية الشمالية، وأسقطتها قبل بلوغ أهدافها.\nوفي الساعة نفسها تقريباً، طالت مسيّرة أخرى محطة الكهرباء الرئيسية في مدينة عطبرة بولاية نهر النيل، من دون وقوع إصابات بشرية.';
    const events = extract(text, '2025-02-24').events;
    assert.deepEqual(events.map((e) => [e.sub_event_type, e.location]), [['Disrupted weapons use', 'Merowe dam'], ['Air/drone strike', 'Atbara']]);
    assert.equal(events[0].actor2, 'Military Forces of Sudan');
  });
});

describe('an army\'s intelligence branch named without its country', () => {
  it('"army intelligence units arrested five men" is the country\'s Military Intelligence', () => {
    const text = 'On Wednesday, army intelligence units arrested five men in raids in the Bab al-Tabbaneh area of Tripoli, north Lebanon, the army said.';
    assert.equal(extract(text, '2024-05-23').events[0]?.actor1, 'Military Forces of Lebanon Military Intelligence');
  });
});

describe('a report that leads with the toll\'s update', () => {
  it('is one clash, on the day it was fought, with the risen toll', () => {
    const text =
      'TRIPOLI, Sept 9 (Maghreb Newswire) – The death toll from fighting between rival armed groups in the western Libyan city of Gharyan has risen to five after two wounded men died in hospital overnight, a medical source said on Tuesday.\nThree people were left dead when the clashes erupted on Sunday between a unit of the Stability Support Apparatus and local fighters, residents said. A passer-by was among those killed, and nine others were wounded.\nA council of elders said on Monday it was trying to broker a lasting truce. Clashes erupt periodically in Gharyan.';
    const events = extract(text, '2025-09-09').events;
    assert.equal(events.length, 1, JSON.stringify(events.map((e) => [e.sub_event_type, e.event_date])));
    assert.equal(events[0].event_date, '2025-09-07');
    assert.equal(events[0].fatalities, 5);
  });
  it('"Crowds besieged the halls of the book fair" is no siege', () => {
    assert.deepEqual(extract('CAIRO – Crowds besieged the halls of the Cairo International Book Fair on its final weekend.', '2025-01-30').events, []);
  });
});

describe('a place name that is also a common word, and where the displaced came from', () => {
  it('«ودان» after a sentence break is "and condemned", and districts people fled are not where the shells fell', () => {
    const text =
      'ارتفعت إلى ثلاثة قتلى حصيلة ضحايا القصف المدفعي الذي طال مخيماً للنازحين غربي مدينة مأرب قبل يومين، بعدما لقي فتى حتفه فجر اليوم متأثراً بإصابته.\nودان محور مأرب العسكري في بيان ما وصفه بالاستهداف المتعمد للمدنيين.\nويؤوي المخيم نحو 400 أسرة نزحت من مديريات صرواح ورغوان ومدغل.';
    const events = extract(text, '2025-10-23').events;
    assert.equal(events[0]?.location, 'Marib');
    assert.equal(events[0]?.event_date, '2025-10-21');
    assert.equal(events[0]?.fatalities, 3);
  });
});

describe('talks about a withdrawal', () => {
  it('«يبحث ملف الانسحاب من النقاط الخمس» is no withdrawal, and «النقاط الخمس» is no Libyan district', () => {
    const text = 'رئيس الحكومة يلتقي في السراي الكبير الموفد الأميركي، ويبحث معه «آليات تثبيت وقف إطلاق النار» وملف الانسحاب من النقاط الخمس.';
    assert.deepEqual(extract(text, '2025-10-21').events, []);
  });
});
